package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.ConflictException;
import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantAlreadyExistsException;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantMove;
import dev.annals.tenancy.api.TenantNotFoundException;
import dev.annals.tenancy.api.TenantPage;
import dev.annals.tenancy.api.TenantStats;
import dev.annals.tenancy.api.TenantSuspendedException;
import dev.annals.tenancy.api.Tenants;
import dev.annals.tenancy.api.UnavailableException;
import dev.annals.tenancy.infrastructure.TenantMoveRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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

  /** How long a caller refused because a move is running waits before asking again. */
  private static final Duration MOVE_POLL = Duration.ofSeconds(1);

  @Inject TenantMaintenance maintenance;

  @Inject TenantRegistry registry;

  @Inject TenantMover mover;

  @EJB TenantConnections connections;

  @Override
  public Tenant create(
      TenantId id, String name, Isolation isolation, Optional<DatabaseServer> server) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidRequestException("Tenant name must be 1-200 characters");
    }
    if (server.isPresent() && isolation != Isolation.DATABASE) {
      throw new InvalidRequestException(
          "'database' (host and port) applies only to isolation 'database'");
    }
    try {
      Tenant claimed =
          maintenance
              .repository()
              .claim(id, name, isolation, server)
              .orElseThrow(() -> new TenantAlreadyExistsException(id));
      Tenant created = maintenance.provision(claimed);
      registry.invalidate(id);
      return created;
    } catch (SQLException e) {
      throw unavailable("create tenant " + id, e);
    }
  }

  @Override
  public Optional<Tenant> find(TenantId id) {
    try {
      return maintenance.repository().find(id);
    } catch (SQLException e) {
      throw unavailable("read tenant " + id, e);
    }
  }

  @Override
  public TenantPage list(Optional<TenantId> after, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidRequestException(
          "'limit' must be between 1 and " + MAX_PAGE + ", was " + limit);
    }
    try {
      List<Tenant> page =
          maintenance.repository().list(after.map(TenantId::value).orElse(""), limit + 1);
      if (page.size() > limit) {
        return new TenantPage(
            List.copyOf(page.subList(0, limit)), Optional.of(page.get(limit - 1).id()));
      }
      return new TenantPage(page, Optional.empty());
    } catch (SQLException e) {
      throw unavailable("list tenants", e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public TenantStats stats(TenantId id) {
    registry.requireLive(id);
    try (Connection c = connections.connection(id);
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*), coalesce(sum(version), 0) FROM streams");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return new TenantStats(rs.getLong(1), rs.getLong(2));
    } catch (SQLException e) {
      throw unavailable("count the data of tenant " + id, e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS) // a cache lookup: suspend nothing
  public void requireReadable(TenantId id) {
    registry.requireLive(id);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public void requireWritable(TenantId id) {
    if ("suspended".equals(registry.requireLive(id).state())) {
      throw new TenantSuspendedException(id);
    }
  }

  @Override
  public Tenant suspend(TenantId id) {
    return changeState(id, "suspended", "suspended");
  }

  @Override
  public Tenant resume(TenantId id) {
    return changeState(id, "active", "open");
  }

  private Tenant changeState(TenantId id, String state, String gate) {
    Tenant t = existing(id);
    if ("moving".equals(t.state())) {
      throw new ConflictException(
          "Tenant '" + id + "' is moving; suspend or resume it once the move has finished",
          MOVE_POLL);
    }
    try {
      Tenant changed = t.state().equals(state) ? t : maintenance.repository().setState(id, state);
      maintenance.storage().setGate(changed, gate);
      if (!t.state().equals(state)) {
        maintenance.audit(id, state.equals("active") ? "resumed" : "suspended", "{}");
      }
      return changed;
    } catch (SQLException e) {
      throw unavailable("change the state of tenant " + id, e);
    } finally {
      registry.invalidate(id);
    }
  }

  @Override
  public Tenant delete(TenantId id, int retainDays) {
    Retention.check(retainDays);
    Tenant t = find(id).filter(x -> !"creating".equals(x.state())).orElse(null);
    if (t == null) {
      throw new TenantNotFoundException(id);
    }
    if ("moving".equals(t.state())) {
      throw new ConflictException(
          "Tenant '" + id + "' is moving; delete it once it has moved", MOVE_POLL);
    }
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
        maintenance.storage().setGate(deleted, "deleted");
      }
      if (!t.deleted()) {
        maintenance.audit(id, "deleted", "{\"retainDays\":" + retainDays + "}");
      } else if (!deleted.purgeAfter().equals(t.purgeAfter())) {
        maintenance.audit(id, "retention-shortened", "{\"retainDays\":" + retainDays + "}");
      }
      registry.invalidate(id);
      if (Retention.purgesNow(deleted, retainDays, Instant.now())) {
        maintenance.purge(deleted);
        return find(id).orElse(deleted);
      }
      return deleted;
    } catch (SQLException e) {
      throw unavailable("delete tenant " + id, e);
    } finally {
      registry.invalidate(id);
    }
  }

  @Override
  public Tenant move(TenantId id, Isolation to, Optional<DatabaseServer> server) {
    if (server.isPresent() && to != Isolation.DATABASE) {
      throw new InvalidRequestException(
          "'database' (host and port) applies only to isolation 'database'");
    }
    Tenant t = existing(id);
    Tenant target = t.at(to, server);
    if ("moving".equals(t.state())) {
      Optional<TenantMove> open = lastMove(id);
      if (open.isPresent() && open.get().to() == to && open.get().server().equals(server)) {
        return t; // the same move again: idempotent
      }
      throw new ConflictException(
          "Tenant '" + id + "' is moving already; wait until it is done", MOVE_POLL);
    }
    if (!"active".equals(t.state()) && !"suspended".equals(t.state())) {
      throw new ConflictException("Only an active or suspended tenant can move");
    }
    if (t.samePlaceAs(target)) {
      throw new ConflictException("Tenant '" + id + "' is there already");
    }
    if (t.isolation() == Isolation.DATABASE && to == Isolation.DATABASE) {
      throw new ConflictException(
          "Moving a database tenant to another server is not supported yet: move it to 'schema'"
              + " first, restart the server, then to the new server");
    }
    try {
      if (maintenance.dataSources().wouldChangeUsed(target)) {
        throw new ConflictException(
            "Tenant '"
                + id
                + "' had a datasource for another server since this server started; changing it"
                + " would restart the application: restart the server, then move it");
      }
      long moveId =
          maintenance
              .moves()
              .insertMove(t, target)
              .orElseThrow(
                  () -> new ConflictException("Tenant '" + id + "' is moving already", MOVE_POLL));
      Tenant moving = maintenance.repository().setState(id, "moving");
      maintenance.audit(id, "move-started", "{\"to\":\"" + to.wireName() + "\"}");
      registry.invalidate(id);
      mover.start(new TenantMoveRepository.MoveRow(moveId, t, target, t.state(), "copying"));
      return moving;
    } catch (SQLException | java.io.IOException e) {
      throw new UnavailableException("Could not start moving tenant " + id + " now: " + e);
    }
  }

  @Override
  public Optional<TenantMove> lastMove(TenantId id) {
    try {
      return maintenance.moves().lastMove(id);
    } catch (SQLException e) {
      throw unavailable("read the moves of tenant " + id, e);
    }
  }

  /** The tenant from the registry (not the cache), unless missing or deleted. */
  private Tenant existing(TenantId id) {
    return Tenants.live(id, find(id));
  }

  private static UnavailableException unavailable(String what, SQLException e) {
    return new UnavailableException("Could not " + what + " now: " + e.getMessage());
  }
}
