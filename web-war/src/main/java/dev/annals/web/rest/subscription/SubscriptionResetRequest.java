package dev.annals.web.rest.subscription;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where to move a subscription's checkpoint. Documentation only (parsed by hand).
 *
 * @param to "beginning", "now", or a checkpoint
 */
@Schema(name = "SubscriptionResetRequest")
public record SubscriptionResetRequest(
    @Schema(
            required = true,
            description =
                "\"beginning\", \"now\", or a checkpoint: later deliveries start after it")
        String to) {}
