package dev.annals.tenancy.api;

/**
 * A tenant's quotas, as configured (a null member: the server's default applies) or as enforced
 * ({@link #resolve}: no nulls). 0 means unlimited.
 *
 * @param maxStreams streams the tenant may hold
 * @param maxStorageBytes bytes of event data and metadata it may hold
 * @param maxSubscriptions subscriptions it may hold
 */
public record QuotaSettings(Long maxStreams, Long maxStorageBytes, Long maxSubscriptions) {

  /** Nothing configured: the defaults apply. */
  public static final QuotaSettings DEFAULTS = new QuotaSettings(null, null, null);

  /** Refuses a negative quota. */
  public QuotaSettings {
    check(Quota.STREAMS, maxStreams);
    check(Quota.STORAGE_BYTES, maxStorageBytes);
    check(Quota.SUBSCRIPTIONS, maxSubscriptions);
  }

  private static void check(Quota quota, Long value) {
    if (value != null && value < 0) {
      throw new InvalidRequestException(
          "'"
              + quota.wireName()
              + "' must be 0 (unlimited) or more, or null for the server's default, was "
              + value);
    }
  }

  /** The value of {@code quota}, or null when the default applies. */
  public Long of(Quota quota) {
    return switch (quota) {
      case STREAMS -> maxStreams;
      case STORAGE_BYTES -> maxStorageBytes;
      case SUBSCRIPTIONS -> maxSubscriptions;
    };
  }

  /** The enforced value of {@code quota}, 0 for unlimited ({@link #resolve}d settings only). */
  public long limit(Quota quota) {
    Long value = of(quota);
    return value == null ? 0 : value;
  }

  /** These settings with each null taken from {@code defaults}. */
  public QuotaSettings resolve(QuotaSettings defaults) {
    return new QuotaSettings(
        maxStreams == null ? defaults.maxStreams : maxStreams,
        maxStorageBytes == null ? defaults.maxStorageBytes : maxStorageBytes,
        maxSubscriptions == null ? defaults.maxSubscriptions : maxSubscriptions);
  }

  /** Whether nothing is configured. */
  public boolean isDefault() {
    return maxStreams == null && maxStorageBytes == null && maxSubscriptions == null;
  }
}
