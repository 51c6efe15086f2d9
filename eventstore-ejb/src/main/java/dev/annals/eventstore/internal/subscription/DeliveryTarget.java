package dev.annals.eventstore.internal.subscription;

import dev.annals.eventstore.api.OutboundUrls;
import dev.annals.eventstore.api.subscription.SubscriptionTarget;
import dev.annals.tenancy.api.InvalidRequestException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Where a new subscription delivers, checked and as stored: a deployed handler by name, or a
 * webhook URL that passed the outbound-URL rules, with a fresh random signing secret.
 *
 * @param handler the in-process handler's name
 * @param url the webhook URL
 * @param secret the webhook's signing secret (hex of 32 random bytes)
 */
record DeliveryTarget(Optional<String> handler, Optional<String> url, Optional<String> secret) {

  /** The handler that drives projections: never a subscription's target. */
  static final String PROJECTION_HANDLER = "projections";

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Checks {@code target}.
   *
   * @param handlers the deployed handlers
   * @param ownPorts this server's own ports, which a webhook may not call
   * @throws InvalidRequestException naming what is wrong with it
   */
  static DeliveryTarget of(
      SubscriptionTarget target, HandlerRegistry handlers, Set<Integer> ownPorts) {
    if (target instanceof SubscriptionTarget.Handler h) {
      if (h.name().equals(PROJECTION_HANDLER)) {
        throw new InvalidRequestException(
            "Handler '" + PROJECTION_HANDLER + "' drives projections only");
      }
      if (handlers.find(h.name()).isEmpty()) {
        throw new InvalidRequestException(
            "No subscription handler named '"
                + h.name()
                + "' is deployed; known handlers: "
                + String.join(", ", handlers.names()));
      }
      return new DeliveryTarget(Optional.of(h.name()), Optional.empty(), Optional.empty());
    }
    SubscriptionTarget.Webhook w = (SubscriptionTarget.Webhook) target;
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return new DeliveryTarget(
        Optional.empty(),
        Optional.of(OutboundUrls.check(w.url().toString(), ownPorts).toString()),
        Optional.of(HexFormat.of().formatHex(key)));
  }
}
