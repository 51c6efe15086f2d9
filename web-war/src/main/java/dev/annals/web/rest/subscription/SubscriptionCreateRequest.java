package dev.annals.web.rest.subscription;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription-creation body as the OpenAPI document describes it. Documentation only: the
 * resource reads the body by hand ({@link SubscriptionRequestParser}), refusing unknown fields by
 * name.
 *
 * @param name the subscription's name, unique in the tenant
 * @param filter which events it delivers; absent: all
 * @param start where it starts; default "beginning"
 * @param target where it delivers
 */
@Schema(name = "SubscriptionCreateRequest")
public record SubscriptionCreateRequest(
    @Schema(required = true, pattern = "^[a-z][a-z0-9_-]{2,62}$", maxLength = 63) String name,
    FilterRequest filter,
    @Schema(
            description =
                "\"beginning\" (default), \"now\" (only events committed later), or a checkpoint"
                    + " (an event's position as $all returns it): deliver the events after it")
        String start,
    @Schema(required = true) TargetRequest target) {

  /**
   * Which events a subscription delivers: both conditions, when given.
   *
   * @param streamPrefix streams whose id starts with it
   * @param eventTypes events of these types
   */
  @Schema(name = "SubscriptionFilter")
  public record FilterRequest(
      @Schema(minLength = 1, maxLength = 200) String streamPrefix,
      @Schema(maxItems = 100) List<String> eventTypes) {}

  /**
   * Exactly one of the two.
   *
   * @param webhook POST signed batches to a URL
   * @param handler an in-process handler of this server, by name
   */
  @Schema(name = "SubscriptionTarget")
  public record TargetRequest(WebhookRequest webhook, String handler) {}

  /**
   * A webhook target.
   *
   * @param url an http(s) URL (not this server's own port on a local address)
   */
  @Schema(name = "SubscriptionWebhook")
  public record WebhookRequest(@Schema(required = true, maxLength = 2000) String url) {}
}
