package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.Quota;
import dev.annals.tenancy.api.QuotaSettings;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantLimits;
import dev.annals.tenancy.api.TenantRates;
import dev.annals.tenancy.api.UnavailableException;
import dev.annals.tenancy.infrastructure.TenantLimitsRepository;
import dev.annals.tenancy.infrastructure.TenantLimitsRepository.Limits;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Per-tenant request rates and quotas in the platform database. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantLimitsBean implements TenantLimits {

  @Inject TenantRegistry registry;

  @Inject TenantLimitsRepository repository;

  @Inject TenantMaintenance maintenance;

  @Inject QuotaCache quotaCache;

  @Resource TransactionSynchronizationRegistry transaction;

  @Override
  public TenantRates rates(TenantId tenant) {
    return find(tenant).rates();
  }

  @Override
  public QuotaSettings quotas(TenantId tenant) {
    return find(tenant).quotas();
  }

  @Override
  public QuotaSettings defaultQuotas() {
    return quotaCache.defaults();
  }

  private Limits find(TenantId tenant) {
    registry.requireLive(tenant);
    try {
      return repository.find(tenant);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read the limits of tenant " + tenant, e);
    }
  }

  /** The change and its audit record commit together; this node's quota copy reloads then. */
  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void set(TenantId tenant, TenantRates rates, QuotaSettings quotas) {
    registry.requireLive(tenant);
    try {
      repository.set(tenant, new Limits(rates, quotas));
      JsonObjectBuilder detail = Json.createObjectBuilder();
      detail.add("requestsPerSecond", number(rates.requestsPerSecond()));
      detail.add("principalRequestsPerSecond", number(rates.principalRequestsPerSecond()));
      JsonObjectBuilder quotaDetail = Json.createObjectBuilder();
      for (Quota q : Quota.values()) {
        quotaDetail.add(q.wireName(), number(quotas.of(q)));
      }
      detail.add("quotas", quotaDetail);
      maintenance.audit(AuditEvent.onTenant(tenant, "tenant.limits-changed", detail.build()));
      transaction.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              quotaCache.invalidate();
            }
          });
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("change the limits of tenant " + tenant, e);
    }
  }

  @Override
  public Map<String, TenantRates> all() {
    try {
      Map<String, TenantRates> rates = new HashMap<>();
      repository.all().forEach((tenant, limits) -> rates.put(tenant, limits.rates()));
      return Map.copyOf(rates);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read the tenants' limits", e);
    }
  }

  private static JsonValue number(Number value) {
    return value == null ? JsonValue.NULL : Json.createValue(value.longValue());
  }
}
