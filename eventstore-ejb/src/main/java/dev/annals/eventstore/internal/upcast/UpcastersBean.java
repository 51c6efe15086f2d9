package dev.annals.eventstore.internal.upcast;

import dev.annals.eventstore.api.EventType;
import dev.annals.eventstore.api.JsonText;
import dev.annals.eventstore.api.upcast.UpcasterDefinition;
import dev.annals.eventstore.api.upcast.UpcasterNotFoundException;
import dev.annals.eventstore.api.upcast.Upcasters;
import dev.annals.eventstore.infrastructure.upcast.UpcasterRepository;
import dev.annals.tenancy.api.AfterCommit;
import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.tenancy.api.AuditOutcome;
import dev.annals.tenancy.api.AuditScope;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.Tenants;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's declarative upcasters: validate, store, audit (the tenant's chain), and drop this
 * node's cached plan once the change commits.
 */
@Stateless
public class UpcastersBean implements Upcasters {

  /** Highest schema version an upcaster may lift from. */
  static final int MAX_VERSION = 1_000_000;

  @EJB Tenants tenants;

  @EJB AuditLog audit;

  @Inject UpcasterRepository repository;

  @Inject UpcastPlans plans;

  @Resource TransactionSynchronizationRegistry transaction;

  @Override
  public UpcasterDefinition put(
      TenantId tenant, EventType type, int fromVersion, JsonArray operations) {
    checkVersion(fromVersion);
    DeclarativeUpcaster.of(type.value(), fromVersion, operations); // refuses what cannot apply
    tenants.requireReadable(tenant);
    try {
      UpcasterDefinition stored =
          repository.put(tenant, type.value(), fromVersion, JsonText.of(operations));
      audited(
          tenant,
          type,
          fromVersion,
          "upcaster.put",
          Json.createObjectBuilder().add("operations", operations).build());
      invalidateAfterCommit(tenant);
      return stored;
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("store an upcaster of " + tenant, e);
    }
  }

  @Override
  public List<UpcasterDefinition> list(TenantId tenant) {
    tenants.requireReadable(tenant);
    try {
      return repository.list(tenant);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("list the upcasters of " + tenant, e);
    }
  }

  @Override
  public void delete(TenantId tenant, EventType type, int fromVersion) {
    checkVersion(fromVersion);
    tenants.requireReadable(tenant);
    try {
      if (!repository.delete(tenant, type.value(), fromVersion)) {
        throw new UpcasterNotFoundException(type, fromVersion);
      }
      audited(tenant, type, fromVersion, "upcaster.deleted", JsonObject.EMPTY_JSON_OBJECT);
      invalidateAfterCommit(tenant);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("delete an upcaster of " + tenant, e);
    }
  }

  private static void checkVersion(int fromVersion) {
    if (fromVersion < 1 || fromVersion > MAX_VERSION) {
      throw new InvalidRequestException(
          "'fromVersion' must be an integer from 1 to " + MAX_VERSION + ", was " + fromVersion);
    }
  }

  private void audited(
      TenantId tenant, EventType type, int fromVersion, String action, JsonObject detail) {
    audit.record(
        new AuditEvent(
            AuditScope.TENANT,
            action,
            Optional.of(tenant),
            Optional.of(type.value() + "/" + fromVersion),
            AuditOutcome.SUCCEEDED,
            detail));
  }

  private void invalidateAfterCommit(TenantId tenant) {
    plans.invalidate(tenant); // a reader of the old plan meanwhile reloads it at most once more
    AfterCommit.run(transaction, () -> plans.invalidate(tenant));
  }
}
