package dev.annals.web.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a rate change (documentation only; {@link TenantLimitsResource#parse} reads it). Both
 * members are required, so a change never leaves the other rate to chance.
 *
 * @param requestsPerSecond the tenant's rate as a whole, or null for the server's default
 * @param principalRequestsPerSecond each principal's rate on the tenant, or null for the default
 */
@Schema(name = "TenantLimitsRequest", description = "A tenant's request rates to set")
public record TenantLimitsRequest(
    @Schema(
            required = true,
            nullable = true,
            minimum = "1",
            maximum = "1000000",
            description = "Requests per second on this tenant; null: the server's default")
        Integer requestsPerSecond,
    @Schema(
            required = true,
            nullable = true,
            minimum = "1",
            maximum = "1000000",
            description = "Each principal's requests per second on it; null: the server's default")
        Integer principalRequestsPerSecond) {}
