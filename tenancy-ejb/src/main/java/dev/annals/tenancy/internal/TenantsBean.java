package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantAlreadyExistsException;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantFilter;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantMove;
import dev.annals.tenancy.api.TenantNotFoundException;
import dev.annals.tenancy.api.TenantPage;
import dev.annals.tenancy.api.TenantState;
import dev.annals.tenancy.api.TenantStats;
import dev.annals.tenancy.api.Tenants;
import dev.annals.tenancy.api.UnavailableException;
import dev.annals.tenancy.infrastructure.Gate;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenant lifecycle. Lifecycle methods run outside JTA: each step commits on its own and is
 * idempotent, ordered so that repeating an action that failed half-way completes it (the registry
 * row first, then the write gate where the data lives, then the audit record). Suspend and delete
 * close the gate under its exclusive lock, so they return only after appends in flight finished,
 * and no append that starts later is stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantsBean implements Tenants {

  private static final int MAX_PAGE = 1000;

  @Inject TenantMaintenance maintenance;

  @Inject TenantRegistry registry;

  @Inject TenantLookupsBean lookups;

  @Inject TenantMover mover;

  @EJB TenantConnections connections;

  @Inject ServerPlacement placement;

  @Override
  public Tenant create(TenantId id, String name, Isolation isolation, Optional<String> serverName) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidRequestException("Tenant name must be 1-200 characters");
    }
    MoveRules.checkTarget(isolation, serverName);
    try {
      Optional<DatabaseServer> server = placement.resolve(serverName);
      Tenant claimed =
          maintenance
              .repository()
              .claim(id, name, isolation, server, placement.maxTenants(server))
              .orElseThrow(() -> new TenantAlreadyExistsException(id));
      Tenant created = maintenance.provision(claimed);
      registry.invalidate(id);
      return created;
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("create tenant " + id, e);
    }
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    try {
      return maintenance.repository().find(id);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read tenant " + id, e);
    }
  }

  @Override
  public TenantPage list(Optional<TenantId> after, int limit) {
    return list(after, limit, TenantFilter.ANY);
  }

  @Override
  public TenantPage list(Optional<TenantId> after, int limit, TenantFilter filter) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidRequestException(
          "'limit' must be between 1 and " + MAX_PAGE + ", was " + limit);
    }
    try {
      List<Tenant> page =
          maintenance.repository().list(after.map(TenantId::value).orElse(""), limit + 1, filter);
      if (page.size() > limit) {
        return new TenantPage(
            List.copyOf(page.subList(0, limit)), Optional.of(page.get(limit - 1).id()));
      }
      return new TenantPage(page, Optional.empty());
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("list tenants", e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public TenantStats stats(TenantId id) {
    registry.requireLive(id);
    try (Connection c = connections.connection(id);
        PreparedStatement ps = countsOf(c, id);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new TenantStats(rs.getLong(1), rs.getLong(2), rs.getLong(3));
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("count the data of tenant " + id, e);
    }
  }

  /** The counts every append keeps (at most 16 rows a tenant): never a count of its streams. */
  private static PreparedStatement countsOf(Connection c, TenantId id) throws SQLException {
    PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(streams), 0), coalesce(sum(events), 0), coalesce(sum(bytes), 0)"
                + " FROM tenant_counters WHERE tenant_id = ?");
    ps.setString(1, id.value());
    return ps;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a cache lookup: suspend nothing
  public void requireReadable(TenantId id) {
    lookups.requireReadable(id);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public void requireWritable(TenantId id) {
    lookups.requireWritable(id);
  }

  @Override
  public Tenant suspend(TenantId id) {
    return changeState(id, TenantState.SUSPENDED, "tenant.suspended");
  }

  @Override
  public Tenant resume(TenantId id) {
    return changeState(id, TenantState.ACTIVE, "tenant.resumed");
  }

  private Tenant changeState(TenantId id, TenantState state, String auditAction) {
    Tenant t = existing(id);
    MoveRules.requireNotMoving(t, "suspend or resume");
    try {
      Tenant changed = t.state() == state ? t : maintenance.repository().setState(id, state);
      maintenance.storage().setGate(changed, Gate.of(state));
      if (t.state() != state) {
        maintenance.audit(AuditEvent.onTenant(id, auditAction, JsonValue.EMPTY_JSON_OBJECT));
      }
      return changed;
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("change the state of tenant " + id, e);
    } finally {
      registry.invalidate(id);
    }
  }

  @Override
  public Tenant delete(TenantId id, int retainDays) {
    Retention.check(retainDays);
    Tenant t = find(id).filter(x -> x.state() != TenantState.CREATING).orElse(null);
    if (t == null) {
      throw new TenantNotFoundException(id);
    }
    MoveRules.requireNotMoving(t, "delete");
    try {
      Tenant deleted;
      if (!t.deleted()) {
        deleted = maintenance.deletions().markDeleted(id, retainDays);
      } else if (!t.purged()) {
        deleted = maintenance.deletions().shortenRetention(id, retainDays);
      } else {
        deleted = t;
      }
      if (!deleted.purged()) {
        maintenance.storage().setGate(deleted, Gate.DELETED);
      }
      JsonObject retention = Json.createObjectBuilder().add("retainDays", retainDays).build();
      if (!t.deleted()) {
        maintenance.audit(AuditEvent.onTenant(id, "tenant.deleted", retention));
      } else if (!deleted.purgeAfter().equals(t.purgeAfter())) {
        maintenance.audit(AuditEvent.onTenant(id, "tenant.retention-shortened", retention));
      }
      registry.invalidate(id);
      if (Retention.purgesNow(deleted, retainDays, Instant.now())) {
        maintenance.purge(deleted, maintenance.actor());
        return find(id).orElse(deleted);
      }
      return deleted;
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("delete tenant " + id, e);
    } finally {
      registry.invalidate(id);
    }
  }

  @Override
  public Tenant move(TenantId id, Isolation to, Optional<String> serverName) {
    MoveRules.checkTarget(to, serverName);
    Tenant t = existing(id);
    Optional<DatabaseServer> server;
    try {
      server = placement.resolve(serverName);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read the database servers", e);
    }
    Tenant target = t.at(to, server); // its generation is chosen when the move opens
    Optional<TenantMove> last = t.state() == TenantState.MOVING ? lastMove(id) : Optional.empty();
    if (MoveRules.check(t, target, last) == MoveRules.Verdict.UNDER_WAY) {
      return t; // the same move again: idempotent
    }
    try {
      if (to == Isolation.DATABASE) {
        placement.requireRoom(server);
      }
      return mover.begin(t, target);
    } catch (SQLException e) {
      throw new UnavailableException("Could not start moving tenant " + id + " now: " + e);
    }
  }

  @Override
  public Optional<TenantMove> lastMove(TenantId id) {
    try {
      return maintenance.moves().lastMove(id);
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read the moves of tenant " + id, e);
    }
  }

  /** The tenant from the registry (not the cache), unless missing or deleted. */
  private Tenant existing(TenantId id) {
    return Tenants.live(id, find(id));
  }
}
