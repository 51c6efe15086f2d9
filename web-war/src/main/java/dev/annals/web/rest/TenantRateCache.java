package dev.annals.web.rest;

import dev.annals.tenancy.api.TenantLimits;
import dev.annals.tenancy.api.TenantRates;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
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

  private static final Logger LOG = Logger.getLogger(TenantRateCache.class.getName());

  @EJB TenantLimits limits;

  @Inject
  @ConfigProperty(name = "annals.rate.tenant.per-second", defaultValue = "2000")
  int tenantDefault;

  @Inject
  @ConfigProperty(name = "annals.rate.principal.per-second", defaultValue = "500")
  int principalDefault;

  private final AtomicBoolean loading = new AtomicBoolean();
  private volatile Map<String, TenantRates> rates = Map.of();
  private volatile long loadedAt = Long.MIN_VALUE / 2;

  /** The tenant's configured rates ({@link TenantRates#DEFAULTS} when none). */
  public TenantRates ratesOf(String tenant) {
    refreshIfStale();
    return rates.getOrDefault(tenant, TenantRates.DEFAULTS);
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

  /** Reloads now (after a change on this node). */
  public void reload() {
    loadedAt = Long.MIN_VALUE / 2;
    refreshIfStale();
  }

  private void refreshIfStale() {
    long now = System.nanoTime() / 1_000_000;
    if (now - loadedAt < REFRESH_MILLIS || !loading.compareAndSet(false, true)) {
      return;
    }
    try {
      rates = limits.all();
      loadedAt = now;
    } catch (RuntimeException e) {
      loadedAt = now; // keep the last copy; try again after the refresh interval
      LOG.log(Level.FINE, "Could not reload the tenants' request rates", e);
    } finally {
      loading.set(false);
    }
  }
}
