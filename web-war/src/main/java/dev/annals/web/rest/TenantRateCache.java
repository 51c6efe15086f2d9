package dev.annals.web.rest;

import dev.annals.tenancy.api.ReloadedCopy;
import dev.annals.tenancy.api.TenantLimits;
import dev.annals.tenancy.api.TenantRates;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's copy of the per-tenant request rates, so the rate check costs no database or EJB call
 * per request: every configured rate is reloaded at most every {@value #REFRESH_MILLIS} ms (by the
 * request that finds it stale, one at a time), and at once after a change made here. A change on
 * another node applies here within that time. While the database cannot answer, the last copy stays
 * in use.
 */
@ApplicationScoped
public class TenantRateCache {

  static final long REFRESH_MILLIS = 5_000;

  @EJB TenantLimits limits;

  @Inject
  @ConfigProperty(name = "annals.rate.tenant.per-second", defaultValue = "2000")
  int tenantDefault;

  @Inject
  @ConfigProperty(name = "annals.rate.principal.per-second", defaultValue = "500")
  int principalDefault;

  private final ReloadedCopy<Map<String, TenantRates>> rates =
      new ReloadedCopy<>(
          "the tenants' request rates", REFRESH_MILLIS, Map.of(), () -> limits.all());

  /** The tenant's configured rates ({@link TenantRates#DEFAULTS} when none). */
  public TenantRates ratesOf(String tenant) {
    return rates.get().getOrDefault(tenant, TenantRates.DEFAULTS);
  }

  /** The default rate of a tenant as a whole (0: unlimited). */
  public int tenantDefault() {
    return tenantDefault;
  }

  /** The default rate of one principal, on a tenant and overall (0: unlimited). */
  public int principalDefault() {
    return principalDefault;
  }

  /** The rate enforced for the tenant as a whole: configured, else the default (0: unlimited). */
  public int tenantRate(TenantRates configured) {
    Integer r = configured.requestsPerSecond();
    return r == null ? tenantDefault : r;
  }

  /** The rate enforced for each principal on the tenant: configured, else the default. */
  public int principalRate(TenantRates configured) {
    Integer r = configured.principalRequestsPerSecond();
    return r == null ? principalDefault : r;
  }

  /** Reloads at the next lookup (after a change on this node). */
  public void reload() {
    rates.invalidate();
  }
}
