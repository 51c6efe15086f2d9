package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.AuditActor;
import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.SqlFailure;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantState;
import dev.annals.tenancy.api.UnavailableException;
import dev.annals.tenancy.infrastructure.SchemaMigrator;
import dev.annals.tenancy.infrastructure.TenantDataSources;
import dev.annals.tenancy.infrastructure.TenantDataVersions;
import dev.annals.tenancy.infrastructure.TenantDeletions;
import dev.annals.tenancy.infrastructure.TenantMoveRepository;
import dev.annals.tenancy.infrastructure.TenantRepository;
import dev.annals.tenancy.infrastructure.TenantStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.exception.LiquibaseException;

/**
 * Tenant provisioning and upkeep: creating a tenant's storage, bringing every tenant's data to this
 * build's changelog at start-up, re-declaring database tenants' datasources, purging deleted
 * tenants whose retention ended, and cleaning up creations a crashed node left unfinished.
 */
@ApplicationScoped
public class TenantMaintenance {

  private static final Logger LOG = Logger.getLogger(TenantMaintenance.class.getName());

  /** A creation unfinished for this long belongs to a node that died (creation takes seconds). */
  private static final int STALE_CREATION_MINUTES = 10;

  @Inject TenantRepository repository;

  @Inject TenantDataVersions dataVersions;

  @Inject TenantStorage storage;

  @Inject TenantDataSources dataSources;

  @Inject TenantMoveRepository moves;

  @Inject TenantDeletions deletions;

  @Inject TenantMover mover;

  @Inject AuditLog audit;

  @Inject AuditWriter auditWriter;

  private volatile String dataVersion;

  private final Map<String, String> failures = new ConcurrentHashMap<>();

  TenantRepository repository() {
    return repository;
  }

  TenantStorage storage() {
    return storage;
  }

  TenantDataSources dataSources() {
    return dataSources;
  }

  TenantMoveRepository moves() {
    return moves;
  }

  TenantDeletions deletions() {
    return deletions;
  }

  /** Tenants whose data could not be brought up to date at start-up, with why. */
  public Map<String, String> failures() {
    return Map.copyOf(failures);
  }

  /**
   * Provisions a claimed tenant's storage and marks it active. On failure everything it created is
   * removed again and the claim released, so the same request can simply be repeated.
   */
  Tenant provision(Tenant claimed) {
    TenantId id = claimed.id();
    try {
      storage.provision(claimed);
      dataSources.declare(claimed);
      if (claimed.isolation() == Isolation.DATABASE) {
        dataSources.lookup(claimed);
      }
      dataVersions.setDataVersion(id, dataVersion());
      Tenant active = repository.setState(id, TenantState.ACTIVE);
      JsonObjectBuilder detail =
          Json.createObjectBuilder()
              .add("name", claimed.name())
              .add("isolation", claimed.isolation().wireName());
      claimed.server().ifPresent(s -> detail.add("server", s.name()));
      audit(AuditEvent.onTenant(id, "tenant.created", detail.build()));
      return active;
    } catch (SQLException | IOException | LiquibaseException e) {
      discard(claimed);
      throw new UnavailableException(
          "Could not provision tenant " + id + " now, nothing was kept; retry in a moment", e);
    } catch (RuntimeException e) {
      discard(claimed);
      throw e;
    }
  }

  /** Appends to the audit log in the current caller's name, in the caller's connection. */
  void audit(AuditEvent event) {
    auditWriter.append(event, audit.currentActor());
  }

  /** The current caller, for the audit log. */
  AuditActor actor() {
    return audit.currentActor();
  }

  /** Removes a deleted tenant's data and records it, in {@code actor}'s name. */
  void purge(Tenant deleted, AuditActor actor) throws SQLException {
    storage.purge(deleted);
    // The retention timer and a retainDays=0 delete may purge the same tenant at once: purging
    // twice is harmless, but only the one that marks it purged records it.
    if (!deletions.markPurged(deleted.id())) {
      return;
    }
    auditWriter.append(
        AuditEvent.onTenant(deleted.id(), "tenant.purged", JsonValue.EMPTY_JSON_OBJECT), actor);
    LOG.info(() -> "Purged the data of deleted tenant " + deleted.id());
  }

  private void discard(Tenant claimed) {
    try {
      storage.purge(claimed);
    } catch (InvalidRequestException e) {
      LOG.fine(() -> "Nothing to remove for failed tenant " + claimed.id() + ": " + e.getMessage());
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not remove the storage of failed tenant " + claimed.id(), e);
    }
    try {
      repository.removeCreating(claimed.id());
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not release the claim of failed tenant " + claimed.id(), e);
    }
  }

  /** Purges every deleted tenant whose retention has ended. */
  public void purgeDue() {
    try {
      for (Tenant t : deletions.dueForPurge()) {
        try {
          purge(t, AuditActor.SERVER);
        } catch (SQLException | RuntimeException e) {
          LOG.log(Level.WARNING, "Could not purge tenant " + t.id() + ", will retry", e);
        }
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not look for tenants to purge, will retry", e);
    }
  }

  /**
   * Start-up: migrates the platform database and the shared schema, then every tenant's own schema
   * or database whose recorded version differs from this build's; declares database tenants'
   * datasources and retires those of purged tenants (before anything used them); removes stale
   * creations. A tenant that cannot be migrated is reported and skipped; the others serve.
   */
  public void migrateAndReconcile() throws SQLException, LiquibaseException, IOException {
    storage.migratePlatform();
    storage.migrateShared();
    dataVersions.setSharedDataVersion(dataVersion());
    for (TenantMoveRepository.MoveRow move : moves.staleMoves(STALE_CREATION_MINUTES)) {
      mover.recover(move);
    }
    for (Tenant stale : repository.staleCreations(STALE_CREATION_MINUTES)) {
      LOG.info(() -> "Removing the unfinished creation of tenant " + stale.id());
      discard(stale);
    }
    List<Tenant> live = repository.allLive();
    Map<String, String> versions = dataVersions.dataVersions();
    String current = dataVersion();
    Set<String> databaseTenants = new HashSet<>();
    for (Tenant t : live) {
      if (t.isolation() == Isolation.DATABASE) {
        databaseTenants.add(TenantDataSources.name(t));
        dataSources.declare(t);
      }
    }
    dataSources.retainOnly(databaseTenants);
    for (Tenant t : live) {
      if (t.state() == TenantState.CREATING
          || t.isolation() == Isolation.SHARED
          || current.equals(versions.get(t.id().value()))) {
        continue;
      }
      try {
        storage.migrate(t);
        dataVersions.setDataVersion(t.id(), current);
        failures.remove(t.id().value());
      } catch (SQLException | LiquibaseException | RuntimeException e) {
        failures.put(t.id().value(), SqlFailure.describe(e));
        LOG.log(Level.WARNING, "Could not migrate the data of tenant " + t.id(), e);
      }
    }
    purgeDue();
  }

  private String dataVersion() throws LiquibaseException {
    String v = dataVersion;
    if (v == null) {
      v = SchemaMigrator.tenantDataVersion();
      dataVersion = v;
    }
    return v;
  }
}
