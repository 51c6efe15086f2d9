package dev.annals.web.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of a limits change (documentation only; {@link TenantLimitsResource#parse} reads it).
 * Both rates are required, so a change never leaves the other rate to chance; without {@code
 * quotas} the quotas stay as they are.
 *
 * @param requestsPerSecond the tenant's rate as a whole, or null for the server's default
 * @param principalRequestsPerSecond each principal's rate on the tenant, or null for the default
 * @param quotas the tenant's quotas, all three, or absent to keep them
 */
@Schema(name = "TenantLimitsRequest", description = "A tenant's request rates and quotas to set")
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
        Integer principalRequestsPerSecond,
    @Schema(description = "The tenant's quotas; absent: they stay as they are")
        QuotasRequest quotas) {

  /**
   * A tenant's quotas to set: each a whole number, 0 for unlimited, null for the server's default.
   *
   * @param maxStreams streams the tenant may hold
   * @param maxStorageBytes bytes of event data and metadata it may hold
   * @param maxSubscriptions subscriptions it may hold
   */
  @Schema(name = "TenantQuotasRequest", description = "Quotas: 0 unlimited, null the default")
  public record QuotasRequest(
      @Schema(required = true, nullable = true, minimum = "0") Long maxStreams,
      @Schema(required = true, nullable = true, minimum = "0") Long maxStorageBytes,
      @Schema(required = true, nullable = true, minimum = "0") Long maxSubscriptions) {}
}
