package dev.annals.web.rest.subscription;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription just created, with its webhook secret: shown this once. Receivers check {@code
 * Annals-Signature: sha256=<hex HMAC-SHA256 of the raw body>} with it.
 *
 * @param subscription the subscription
 * @param secret a webhook's signing secret (absent for handlers)
 */
@Schema(name = "SubscriptionCreated")
public record SubscriptionCreatedView(
    @Schema(required = true) SubscriptionView subscription, String secret) {}
