package dev.annals.tenancy.api;

/**
 * A tenant's quotas. Each is a whole number, 0 meaning unlimited; its name on the wire is the
 * member of the limits API ({@code maxStreams}, …) and the {@code quota} a refusal names.
 */
public enum Quota {
  /** Streams the tenant may hold. */
  STREAMS("maxStreams", "streams", "annals.quota.streams"),
  /** Bytes of event data and metadata (as stored and read back) the tenant may hold. */
  STORAGE_BYTES(
      "maxStorageBytes", "bytes of event data and metadata", "annals.quota.storage-bytes"),
  /** Subscriptions the tenant may hold. */
  SUBSCRIPTIONS("maxSubscriptions", "subscriptions", "annals.quota.subscriptions");

  private final String wireName;
  private final String unit;
  private final String configKey;

  Quota(String wireName, String unit, String configKey) {
    this.wireName = wireName;
    this.unit = unit;
    this.configKey = configKey;
  }

  /** The MicroProfile Config key of the server's default (environment: ANNALS_QUOTA_…). */
  public String configKey() {
    return configKey;
  }

  /** The name in the limits API and in a refusal's {@code quota} member. */
  public String wireName() {
    return wireName;
  }

  /**
   * Refuses adding {@code adding} to a usage of {@code current} when that would exceed {@code
   * limit}.
   *
   * @param limit the enforced quota, 0 for unlimited
   * @throws QuotaExceededException naming this quota, its limit and the usage
   */
  public void requireRoom(TenantId tenant, long limit, long current, long adding) {
    if (limit > 0 && current + adding > limit) {
      throw exceeded(tenant, limit, current);
    }
  }

  /** The refusal of something that would take {@code tenant} beyond {@code limit}. */
  public QuotaExceededException exceeded(TenantId tenant, long limit, long usage) {
    return new QuotaExceededException(
        wireName,
        limit,
        usage,
        "Tenant '"
            + tenant
            + "' may hold at most "
            + limit
            + " "
            + unit
            + " (quota "
            + wireName
            + ") and holds "
            + usage
            + ": nothing was changed; a platform admin can raise the quota"
            + " (PUT /api/tenants/"
            + tenant
            + "/limits), or make room first");
  }
}
