package dev.annals.web.rest.subscription;

import dev.annals.eventstore.api.subscription.SubscriptionInfo;
import dev.annals.eventstore.api.subscription.SubscriptionTarget;
import java.util.List;
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
 * @param lastError the last failure since the last success, if any
 * @param failures consecutive failed attempts
 * @param node the node driving it, while one holds its lease
 * @param eventsPerSecond recent delivery rate
 * @param delivered events delivered since creation
 * @param createdAt when it was created
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
    @Schema(required = true, format = "date-time") String createdAt) {

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
        s.createdAt().toString());
  }
}
