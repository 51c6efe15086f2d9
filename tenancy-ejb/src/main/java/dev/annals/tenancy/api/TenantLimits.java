package dev.annals.tenancy.api;

import jakarta.ejb.Local;
import java.util.Map;

/**
 * Per-tenant request rates and quotas, as a platform admin configured them. Rates are enforced at
 * the HTTP edge (counted in Redis), quotas where things are created ({@link TenantQuotas}); this is
 * their configuration, kept in the platform database.
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
   * The tenant's configured quotas ({@link QuotaSettings#DEFAULTS} when none).
   *
   * @throws TenantNotFoundException when the tenant is not live
   */
  QuotaSettings quotas(TenantId tenant);

  /**
   * The server's default quotas ({@code annals.quota.*}; 0: unlimited).
   *
   * @return settings without a null member
   */
  QuotaSettings defaultQuotas();

  /**
   * Sets the tenant's rates and quotas (the defaults of both remove them), audited as {@code
   * tenant.limits-changed}; applies on this node once committed.
   *
   * @throws TenantNotFoundException when the tenant is not live
   */
  void set(TenantId tenant, TenantRates rates, QuotaSettings quotas);

  /** Every configured tenant's rates, for a node's cache. */
  Map<String, TenantRates> all();
}
