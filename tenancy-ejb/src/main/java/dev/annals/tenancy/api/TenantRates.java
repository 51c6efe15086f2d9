package dev.annals.tenancy.api;

/**
 * A tenant's configured request rates; a null member means the server's default applies.
 *
 * @param requestsPerSecond the tenant's requests per second, all principals together
 * @param principalRequestsPerSecond each principal's requests per second on this tenant
 */
public record TenantRates(Integer requestsPerSecond, Integer principalRequestsPerSecond) {

  /** No rate configured: the defaults apply. */
  public static final TenantRates DEFAULTS = new TenantRates(null, null);

  /** The largest rate that can be configured. */
  public static final int MAX = 1_000_000;

  /** Refuses a rate outside 1..{@link #MAX}. */
  public TenantRates {
    check("requestsPerSecond", requestsPerSecond);
    check("principalRequestsPerSecond", principalRequestsPerSecond);
  }

  private static void check(String name, Integer rate) {
    if (rate != null && (rate < 1 || rate > MAX)) {
      throw new InvalidRequestException(
          "'"
              + name
              + "' must be between 1 and "
              + MAX
              + " (or null for the server's default), was "
              + rate);
    }
  }

  /** Whether nothing is configured. */
  public boolean isDefault() {
    return requestsPerSecond == null && principalRequestsPerSecond == null;
  }
}
