package dev.annals.web.rest.subscription;

import dev.annals.dlq.api.BreakerStatus;
import dev.annals.eventstore.api.subscription.SubscriptionInfo;
import dev.annals.eventstore.api.subscription.SubscriptionTarget;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription on the wire (never its webhook secret).
 *
 * @param name its name
 * @param filter which events it delivers
 * @param target where it delivers them
 * @param state catching_up, live, paused or stopped
 * @param checkpoint the last event acknowledged or passed by the filter; "0-0" before the first
 * @param lagEvents committed events after the checkpoint (counted up to 1,000,000)
 * @param lagSeconds age of the oldest event after the checkpoint; 0 when caught up
 * @param lastError the last failure since the last success, if any (kept while letters retry)
 * @param failures failed attempts since the last success, retries beside the flow included
 * @param node the node driving it, while one holds its lease
 * @param eventsPerSecond recent delivery rate
 * @param delivered events delivered since creation
 * @param createdAt when it was created
 * @param breaker its circuit breaker, as the node driving it last recorded it
 * @param hostBreaker a webhook's: the breaker of its host, shared by the tenant's subscriptions
 *     that post there
 * @param retrying its events that failed and wait beside the flow for their next attempt (retrying
 *     dead letters)
 */
@Schema(name = "Subscription")
public record SubscriptionView(
    @Schema(required = true) String name,
    @Schema(required = true) FilterView filter,
    @Schema(required = true) TargetView target,
    @Schema(required = true, ref = "SubscriptionState") String state,
    @Schema(required = true) String checkpoint,
    @Schema(required = true, minimum = "0") long lagEvents,
    @Schema(required = true, minimum = "0") double lagSeconds,
    String lastError,
    @Schema(required = true, minimum = "0") int failures,
    String node,
    @Schema(required = true, minimum = "0") double eventsPerSecond,
    @Schema(required = true, minimum = "0") long delivered,
    @Schema(required = true, format = "date-time") String createdAt,
    @Schema(required = true) BreakerView breaker,
    HostBreakerView hostBreaker,
    @Schema(required = true, minimum = "0") long retrying) {

  /**
   * A circuit breaker's state.
   *
   * @param state closed, open or half_open
   * @param since when it entered the state (absent: never opened)
   * @param failures failures among the recent attempts when it last changed
   */
  @Schema(name = "BreakerView")
  public record BreakerView(
      @Schema(required = true, ref = "BreakerState") String state,
      @Schema(format = "date-time") String since,
      @Schema(required = true, minimum = "0") int failures) {

    static BreakerView from(BreakerStatus b) {
      return new BreakerView(
          b.state().wireName(), b.since().map(Object::toString).orElse(null), b.failures());
    }
  }

  /**
   * The circuit breaker of a webhook host.
   *
   * @param host host and port
   * @param state closed, open or half_open
   * @param since when it entered the state (absent: never opened)
   * @param failures failures among the recent posts to the host when it last changed
   */
  @Schema(name = "HostBreakerView")
  public record HostBreakerView(
      @Schema(required = true) String host,
      @Schema(required = true, ref = "BreakerState") String state,
      @Schema(format = "date-time") String since,
      @Schema(required = true, minimum = "0") int failures) {

    static HostBreakerView from(String host, BreakerStatus b) {
      return new HostBreakerView(
          host, b.state().wireName(), b.since().map(Object::toString).orElse(null), b.failures());
    }
  }

  /**
   * A filter as stored.
   *
   * @param streamPrefix the stream prefix, if any
   * @param eventTypes the types; empty: all
   */
  @Schema(name = "SubscriptionFilterView")
  public record FilterView(String streamPrefix, @Schema(required = true) List<String> eventTypes) {}

  /**
   * One of the two.
   *
   * @param webhook the webhook's URL
   * @param handler the handler's name
   */
  @Schema(name = "SubscriptionTargetView")
  public record TargetView(WebhookView webhook, String handler) {}

  /**
   * A webhook target.
   *
   * @param url its URL
   */
  @Schema(name = "SubscriptionWebhookView")
  public record WebhookView(@Schema(required = true) String url) {}

  static SubscriptionView from(SubscriptionInfo s) {
    return from(s, BreakerStatus.CLOSED, Map.of(), 0);
  }

  /**
   * @param hostBreakers the tenant's host breakers as recorded, by host (a host missing: closed)
   * @param retrying its retrying letters
   */
  static SubscriptionView from(
      SubscriptionInfo s,
      BreakerStatus breaker,
      Map<String, BreakerStatus> hostBreakers,
      long retrying) {
    TargetView target =
        s.target() instanceof SubscriptionTarget.Webhook w
            ? new TargetView(new WebhookView(w.url().toString()), null)
            : new TargetView(null, ((SubscriptionTarget.Handler) s.target()).name());
    return new SubscriptionView(
        s.name().value(),
        new FilterView(
            s.filter().streamPrefix().orElse(null),
            s.filter().eventTypes().stream().sorted().toList()),
        target,
        s.state().wireName(),
        s.checkpoint().toString(),
        s.lagEvents(),
        s.lagSeconds(),
        s.lastError().orElse(null),
        s.failures(),
        s.node().orElse(null),
        s.eventsPerSecond(),
        s.delivered(),
        s.createdAt().toString(),
        BreakerView.from(breaker),
        s.target() instanceof SubscriptionTarget.Webhook w
            ? HostBreakerView.from(
                w.host(), hostBreakers.getOrDefault(w.host(), BreakerStatus.CLOSED))
            : null,
        retrying);
  }
}
