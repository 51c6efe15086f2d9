package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantLimits;
import dev.annals.tenancy.api.TenantRates;
import dev.annals.tenancy.api.UnavailableException;
import dev.annals.tenancy.infrastructure.TenantLimitsRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.util.Map;

/** Per-tenant request rates in the platform database. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantLimitsBean implements TenantLimits {

  @Inject TenantRegistry registry;

  @Inject TenantLimitsRepository repository;

  @Inject TenantMaintenance maintenance;

  @Override
  public TenantRates rates(TenantId tenant) {
    registry.requireLive(tenant);
    try {
      return repository.find(tenant);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read the limits of tenant " + tenant, e);
    }
  }

  /** The change and its audit record commit together. */
  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public void setRates(TenantId tenant, TenantRates rates) {
    registry.requireLive(tenant);
    try {
      repository.set(tenant, rates);
      JsonObjectBuilder detail = Json.createObjectBuilder();
      detail.add("requestsPerSecond", number(rates.requestsPerSecond()));
      detail.add("principalRequestsPerSecond", number(rates.principalRequestsPerSecond()));
      maintenance.audit(AuditEvent.onTenant(tenant, "tenant.limits-changed", detail.build()));
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("change the limits of tenant " + tenant, e);
    }
  }

  @Override
  public Map<String, TenantRates> all() {
    try {
      return Map.copyOf(repository.all());
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read the tenants' limits", e);
    }
  }

  private static JsonValue number(Integer rate) {
    return rate == null ? JsonValue.NULL : Json.createValue(rate);
  }
}
