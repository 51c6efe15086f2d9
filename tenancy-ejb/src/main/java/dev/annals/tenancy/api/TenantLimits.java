package dev.annals.tenancy.api;

import jakarta.ejb.Local;
import java.util.Map;

/**
 * Per-tenant request rates, as a platform admin configured them. The rates are enforced at the HTTP
 * edge (counted in Redis); this is only their configuration, kept in the platform database.
 */
@Local
public interface TenantLimits {

  /**
   * The tenant's configured rates ({@link TenantRates#DEFAULTS} when none).
   *
   * @throws TenantNotFoundException when the tenant is not live (as for every other operation)
   */
  TenantRates rates(TenantId tenant);

  /**
   * Sets the tenant's rates; {@link TenantRates#DEFAULTS} removes them.
   *
   * @throws TenantNotFoundException when the tenant is not live
   */
  void setRates(TenantId tenant, TenantRates rates);

  /** Every configured tenant's rates, for a node's cache. */
  Map<String, TenantRates> all();
}
