package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.AuditActor;
import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.tenancy.api.AuditOutcome;
import dev.annals.tenancy.api.AuditScope;
import dev.annals.tenancy.api.ConflictException;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.MovePhase;
import dev.annals.tenancy.api.SqlFailure;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantState;
import dev.annals.tenancy.infrastructure.Gate;
import dev.annals.tenancy.infrastructure.TenantCopier;
import dev.annals.tenancy.infrastructure.TenantCopier.Position;
import dev.annals.tenancy.infrastructure.TenantDataSources;
import dev.annals.tenancy.infrastructure.TenantMoveRepository;
import dev.annals.tenancy.infrastructure.TenantMoveRepository.MoveRow;
import dev.annals.tenancy.infrastructure.TenantRepository;
import dev.annals.tenancy.infrastructure.TenantStorage;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves a tenant's data while it keeps serving. The copy runs in $all order and keeps every event's
 * (transaction id, position), so readers' checkpoints stay valid:
 *
 * <ol>
 *   <li>provision the target, its gate closed ({@code moved}): nothing writes there yet;
 *   <li>copy under traffic, page by page, only what a $all reader could see (below the oldest open
 *       transaction), so no event is passed over;
 *   <li>fence: close the source's gate under its exclusive lock, which waits for appends in flight;
 *       appends arriving now see {@code moved} and are retried (group commit re-resolves the
 *       tenant's placement) or answered 503 with Retry-After;
 *   <li>copy the rest (no writer of the tenant is left, so everything is final), the stream heads,
 *       and move the target's position sequence past the copied positions; compare counts and the
 *       last position on both sides;
 *   <li>switch: open the target's gate, point the registry at the target;
 *   <li>clean up the source once no node can still route there (registry caches expire in 1 s),
 *       then end the move and give the tenant back its state in one statement: the tenant reads
 *       {@code moving} exactly as long as a new move would be refused.
 * </ol>
 *
 * Any failure before the switch reopens the source's gate and removes the target: the tenant stays
 * where it was, intact.
 */
@ApplicationScoped
public class TenantMover {

  private static final Logger LOG = Logger.getLogger(TenantMover.class.getName());
  private static final int PAGE = 1000;
  private static final int MAX_PAGES_UNFENCED = 100_000;
  private static final long MAX_TRANSACTION_ID_BURN = 5_000_000;
  private static final long CACHE_EXPIRY_MILLIS = 2_000;

  @Resource private ManagedExecutorService executor;

  @Inject TenantRepository repository;

  @Inject TenantMoveRepository moves;

  @Inject TenantStorage storage;

  @Inject TenantCopier copier;

  @Inject TenantDataSources dataSources;

  @Inject TenantRegistry registry;

  @Inject AuditLog audit;

  @Inject AuditWriter auditWriter;

  /**
   * Opens the move of {@code t} to {@code target}'s place, marks the tenant moving and runs the
   * move in the background.
   *
   * @return the tenant, moving
   * @throws ConflictException when another move of the tenant was opened meanwhile
   */
  Tenant begin(Tenant t, Tenant target) throws SQLException {
    TenantMoveRepository.Opened opened =
        moves.insertMove(t, target).orElseThrow(() -> MoveRules.movingAlready(t));
    Tenant moving = repository.setState(t.id(), TenantState.MOVING);
    AuditActor actor = audit.currentActor(); // the move goes on after this request
    auditWriter.append(
        AuditEvent.onTenant(
            t.id(),
            "tenant.move-started",
            Json.createObjectBuilder().add("to", target.isolation().wireName()).build()),
        actor);
    registry.invalidate(t.id());
    MoveRow move =
        new MoveRow(
            opened.moveId(),
            t,
            target.inGeneration(opened.generation()),
            t.state(),
            MovePhase.COPYING);
    executor.execute(() -> run(move, actor));
    return moving;
  }

  /** Start-up: completes or rolls back a move whose node stopped. */
  void recover(MoveRow move) {
    switch (MoveLifecycle.recovery(move.phase())) {
      case COMPLETE -> {
        LOG.info(() -> "Completing the move of tenant " + move.to().id());
        finish(move);
      }
      case ROLL_BACK -> {
        LOG.info(() -> "Rolling back the unfinished move of tenant " + move.from().id());
        abort(move, "the node moving it stopped before the switch", AuditActor.SERVER);
      }
    }
  }

  private void run(MoveRow move, AuditActor actor) {
    Tenant from = move.from();
    Tenant to = move.to();
    boolean switched = false;
    try {
      storage.provision(to, MoveLifecycle.targetGateUntilSwitch());
      dataSources.declare(to);
      if (to.isolation() == Isolation.DATABASE) {
        dataSources.lookup(to);
      }
      copier.advanceTransactionIds(from, to, MAX_TRANSACTION_ID_BURN);

      long[] page = new long[1];
      long total = 0;
      Position at = Position.START;
      for (int i = 0; i < MAX_PAGES_UNFENCED; i++) {
        at = copier.copyEvents(from, to, at, true, PAGE, page);
        total += page[0];
        moves.updateMove(move.moveId(), null, total, null);
        if (page[0] < PAGE) {
          break;
        }
      }

      storage.setGate(from, Gate.MOVED);
      moves.updateMove(move.moveId(), MovePhase.FENCED, total, null);
      do {
        at = copier.copyEvents(from, to, at, false, PAGE, page);
        total += page[0];
      } while (page[0] == PAGE);
      copier.copyStreamsAndSequence(from, to);
      String source = copier.fingerprint(from);
      String target = copier.fingerprint(to);
      if (!source.equals(target)) {
        throw new SQLException(
            "the copy does not match its source (" + target + " vs " + source + ")");
      }

      storage.setGate(to, MoveLifecycle.gateAfter(move.priorState()));
      moves.switchPlacement(move, total);
      switched = true;
      registry.invalidate(to.id());
      auditWriter.append(
          AuditEvent.onTenant(
              to.id(),
              "tenant.moved",
              MoveLifecycle.movedDetail(
                  from.isolation().wireName(), to.isolation().wireName(), total)),
          actor);
      LOG.info(() -> "Moved tenant " + to.id() + " to " + to.isolation().wireName());
    } catch (Exception e) {
      if (!switched) {
        LOG.log(Level.WARNING, "Move of tenant " + from.id() + " failed; it stays where it was", e);
        // a refusal of the target server is already worded for the caller (and carries no cause)
        abort(
            move,
            e instanceof InvalidRequestException ? e.getMessage() : SqlFailure.describe(e),
            actor);
        return;
      }
      LOG.log(Level.WARNING, "Move of tenant " + from.id() + " switched, then failed", e);
    }
    try {
      Thread.sleep(CACHE_EXPIRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    finish(move);
  }

  /** After the switch: removes the source's data (start-up repeats this if it fails). */
  private void finish(MoveRow move) {
    try {
      storage.purge(move.from(), true);
      moves.complete(move.moveId(), MovePhase.DONE, stateAfter(MovePhase.DONE, move), null);
      registry.invalidate(move.to().id());
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not remove the old data of moved tenant " + move.to().id(), e);
    }
  }

  /** Before the switch: reopens the source and removes the target. */
  private void abort(MoveRow move, String why, AuditActor actor) {
    Tenant from = move.from();
    try {
      storage.setGate(from, MoveLifecycle.gateAfter(move.priorState()));
      moves.complete(move.moveId(), MovePhase.FAILED, stateAfter(MovePhase.FAILED, move), why);
      registry.invalidate(from.id());
      auditWriter.append(
          new AuditEvent(
              AuditScope.PLATFORM_AND_TENANT,
              "tenant.move-failed",
              Optional.of(from.id()),
              Optional.of(from.id().value()),
              AuditOutcome.FAILED,
              JsonValue.EMPTY_JSON_OBJECT),
          actor);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not roll back the move of tenant " + from.id(), e);
      return;
    }
    if (!move.to().samePlaceAs(from)) {
      try {
        storage.purge(move.to(), true);
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "Could not remove the partial copy of tenant " + from.id(), e);
      }
    }
  }

  private static TenantState stateAfter(MovePhase end, MoveRow move) {
    return MoveLifecycle.tenantState(end, move.priorState());
  }
}
