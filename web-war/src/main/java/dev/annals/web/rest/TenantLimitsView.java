package dev.annals.web.rest;

import dev.annals.tenancy.api.QuotaSettings;
import dev.annals.tenancy.api.TenantStats;
import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's request rates and quotas: configured (null: the default applies) and enforced (0:
 * unlimited), with what the tenant uses now.
 *
 * @param requestsPerSecond configured for the tenant as a whole, or null
 * @param principalRequestsPerSecond configured for each principal on the tenant, or null
 * @param effectiveRequestsPerSecond enforced for the tenant as a whole
 * @param effectivePrincipalRequestsPerSecond enforced for each principal on the tenant
 * @param quotas the tenant's quotas
 * @param usage what the tenant holds, to compare with its quotas
 */
@Schema(name = "TenantLimits", description = "A tenant's request rates, quotas and usage")
@JsonbNillable // a null rate is an answer ("the default applies"), not an omission
public record TenantLimitsView(
    @Schema(
            nullable = true,
            minimum = "1",
            maximum = "1000000",
            description = "Configured for the tenant as a whole; null: the server's default")
        Integer requestsPerSecond,
    @Schema(
            nullable = true,
            minimum = "1",
            maximum = "1000000",
            description = "Configured for each principal on the tenant; null: the server's default")
        Integer principalRequestsPerSecond,
    @Schema(required = true, description = "Enforced for the tenant as a whole (0: unlimited)")
        int effectiveRequestsPerSecond,
    @Schema(required = true, description = "Enforced for each principal on it (0: unlimited)")
        int effectivePrincipalRequestsPerSecond,
    @Schema(required = true) QuotasView quotas,
    @Schema(required = true) UsageView usage) {

  /**
   * A tenant's quotas: configured (null: the server's default) and enforced (0: unlimited).
   *
   * @param maxStreams configured stream quota
   * @param maxStorageBytes configured storage quota, bytes of event data and metadata
   * @param maxSubscriptions configured subscription quota
   * @param effectiveMaxStreams enforced stream quota
   * @param effectiveMaxStorageBytes enforced storage quota
   * @param effectiveMaxSubscriptions enforced subscription quota
   */
  @Schema(name = "TenantQuotas", description = "A tenant's quotas (0: unlimited)")
  @JsonbNillable
  public record QuotasView(
      @Schema(nullable = true, minimum = "0", description = "null: the server's default")
          Long maxStreams,
      @Schema(nullable = true, minimum = "0", description = "null: the server's default")
          Long maxStorageBytes,
      @Schema(nullable = true, minimum = "0", description = "null: the server's default")
          Long maxSubscriptions,
      @Schema(required = true, minimum = "0") long effectiveMaxStreams,
      @Schema(required = true, minimum = "0") long effectiveMaxStorageBytes,
      @Schema(required = true, minimum = "0") long effectiveMaxSubscriptions) {

    static QuotasView from(QuotaSettings configured, QuotaSettings enforced) {
      return new QuotasView(
          configured.maxStreams(),
          configured.maxStorageBytes(),
          configured.maxSubscriptions(),
          enforced.maxStreams(),
          enforced.maxStorageBytes(),
          enforced.maxSubscriptions());
    }
  }

  /**
   * What a tenant holds, in the quotas' measures.
   *
   * @param streams its streams
   * @param storageBytes bytes of event data and metadata, as stored and read back
   */
  @Schema(name = "TenantUsage", description = "What a tenant holds, in the quotas' measures")
  public record UsageView(
      @Schema(required = true, minimum = "0") long streams,
      @Schema(required = true, minimum = "0") long storageBytes) {

    static UsageView from(TenantStats stats) {
      return new UsageView(stats.streams(), stats.storageBytes());
    }
  }
}
