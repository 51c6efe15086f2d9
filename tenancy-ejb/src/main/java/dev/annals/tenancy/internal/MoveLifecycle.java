package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.MovePhase;
import dev.annals.tenancy.api.TenantState;
import dev.annals.tenancy.infrastructure.Gate;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The states of a move and of its tenant, phase by phase. The tenant reads {@code moving} exactly
 * while its move is open; the gates decide where writes go: the target's stays {@code moved} until
 * the switch, the source's closes at the fence. A move a node left open is, at the next start,
 * rolled back before the switch (nothing is served from the target yet) and completed after it.
 */
final class MoveLifecycle {

  /** What start-up does with a move whose node stopped. */
  enum Recovery {
    /** Reopen the source, remove the target's copy, mark the move failed. */
    ROLL_BACK,
    /** Remove the source, mark the move done. */
    COMPLETE
  }

  private MoveLifecycle() {}

  /** The gate a move's target is provisioned with: nothing may write there before the switch. */
  static Gate targetGateUntilSwitch() {
    return Gate.MOVED;
  }

  /**
   * The gate that opens at the switch (on the target), or reopens after a failure (on the source):
   * the one of the state the tenant had before the move.
   */
  static Gate gateAfter(TenantState prior) {
    return Gate.of(prior);
  }

  /** The tenant's state while its move is in {@code phase}, given its state before the move. */
  static TenantState tenantState(MovePhase phase, TenantState prior) {
    return phase.open() ? TenantState.MOVING : prior;
  }

  /**
   * @throws IllegalArgumentException for a move that has ended already
   */
  static Recovery recovery(MovePhase phase) {
    return switch (phase) {
      case COPYING, FENCED -> Recovery.ROLL_BACK;
      case SWITCHED -> Recovery.COMPLETE;
      case DONE, FAILED ->
          throw new IllegalArgumentException("a " + phase.wireName() + " move has ended");
    };
  }

  /** The audit record's detail for a switched move. */
  static JsonObject movedDetail(String from, String to, long events) {
    return Json.createObjectBuilder().add("from", from).add("to", to).add("events", events).build();
  }
}
