package dev.annals.eventstore.api.subscription;

import java.util.Optional;

/**
 * A subscription just created.
 *
 * @param subscription the subscription
 * @param secret a webhook's signing secret: shown this once, never again
 */
public record CreatedSubscription(SubscriptionInfo subscription, Optional<String> secret) {}
