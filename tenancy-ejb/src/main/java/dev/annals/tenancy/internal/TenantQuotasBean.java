package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.Quota;
import dev.annals.tenancy.api.QuotaSettings;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantQuotas;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** The enforced quotas, from this node's copy ({@link QuotaCache}). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // a cache lookup: suspend nothing
public class TenantQuotasBean implements TenantQuotas {

  @Inject TenantLookupsBean lookups;

  @Override
  public QuotaSettings limits(TenantId tenant) {
    return lookups.limits(tenant);
  }

  @Override
  public void requireRoom(TenantId tenant, Quota quota, long current) {
    quota.requireRoom(tenant, limits(tenant).limit(quota), current, 1);
  }
}
