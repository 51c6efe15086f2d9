package dev.annals.saga.internal.service;

import dev.annals.saga.api.DefinedSagaType;
import dev.annals.saga.api.HttpSagaType;
import dev.annals.saga.api.SagaTypeInfo;
import dev.annals.saga.api.SagaTypeNotFoundException;
import dev.annals.saga.api.SagaTypes;
import dev.annals.saga.infrastructure.types.SagaTypeRepository;
import dev.annals.saga.internal.declarative.HttpSagaTypeJson;
import dev.annals.saga.internal.engine.SagaTypeRegistry;
import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.tenancy.api.AuditOutcome;
import dev.annals.tenancy.api.AuditScope;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.Tenants;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's declarative saga types: parsed strictly (every refusal names the field), URLs checked
 * against this server's own ports, stored in their canonical form, every change audited in the
 * tenant's chain.
 */
@Stateless
public class SagaTypesBean implements SagaTypes {

  @EJB Tenants tenants;

  @EJB AuditLog audit;

  @Inject SagaTypeRepository repository;

  @Inject SagaTypeRegistry registry;

  @Override
  public DefinedSagaType define(TenantId tenant, String type, JsonObject definition) {
    tenants.requireWritable(tenant);
    if (registry.isJava(type)) {
      throw new InvalidRequestException(
          "Saga type '" + type + "' is a Java saga type of this server and cannot be redefined");
    }
    HttpSagaType parsed = registry.parse(type, definition);
    JsonObject canonical = HttpSagaTypeJson.toJson(parsed);
    try {
      boolean created = repository.upsert(tenant, type, canonical);
      audited(
          tenant,
          type,
          created ? "saga-type.created" : "saga-type.redefined",
          Json.createObjectBuilder().add("steps", parsed.steps().size()).build());
      return new DefinedSagaType(find(tenant, type), created);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("define saga type " + type, e);
    }
  }

  @Override
  public SagaTypeInfo show(TenantId tenant, String type) {
    tenants.requireReadable(tenant);
    try {
      return find(tenant, type);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read saga type " + type, e);
    }
  }

  @Override
  public List<SagaTypeInfo> list(TenantId tenant) {
    tenants.requireReadable(tenant);
    try {
      return repository.list(tenant);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("list the saga types of " + tenant, e);
    }
  }

  @Override
  public SagaTypeInfo delete(TenantId tenant, String type) {
    tenants.requireWritable(tenant);
    try {
      SagaTypeInfo was = find(tenant, type);
      if (!repository.delete(tenant, type)) {
        throw new SagaTypeNotFoundException(type);
      }
      audited(tenant, type, "saga-type.deleted", JsonObject.EMPTY_JSON_OBJECT);
      return was;
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("delete saga type " + type, e);
    }
  }

  private SagaTypeInfo find(TenantId tenant, String type) throws SQLException {
    return repository.find(tenant, type).orElseThrow(() -> new SagaTypeNotFoundException(type));
  }

  private void audited(TenantId tenant, String type, String action, JsonObject detail) {
    audit.record(
        new AuditEvent(
            AuditScope.TENANT,
            action,
            Optional.of(tenant),
            Optional.of(type),
            AuditOutcome.SUCCEEDED,
            detail));
  }
}
