package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.ConflictException;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantMove;
import dev.annals.tenancy.api.TenantState;
import java.time.Duration;
import java.util.Optional;

/**
 * Which moves a tenant may make, and what a refusal tells the caller: a refusal that waiting
 * resolves (a move under way) carries a retry delay; the others do not.
 */
final class MoveRules {

  /** How long a caller refused because a move is under way waits before asking again. */
  static final Duration MOVE_POLL = Duration.ofSeconds(1);

  /** What a move request comes to. */
  enum Verdict {
    /** Start the move. */
    START,
    /** The same move is under way already: answer it again (a move request is idempotent). */
    UNDER_WAY
  }

  private MoveRules() {}

  /**
   * @throws InvalidRequestException when a server is named for a mode other than database
   */
  static void checkTarget(Isolation to, Optional<String> server) {
    if (server.isPresent() && to != Isolation.DATABASE) {
      throw new InvalidRequestException(
          "'database' (a registered server) applies only to isolation 'database'");
    }
  }

  /**
   * Whether {@code t} may move to {@code target}'s place.
   *
   * @param last the tenant's latest move, if any
   * @throws ConflictException when it is moving elsewhere (with a retry delay), is not active or
   *     suspended, is there already, or the move is not supported
   */
  static Verdict check(Tenant t, Tenant target, Optional<TenantMove> last) {
    if (t.state() == TenantState.MOVING) {
      if (last.isPresent()
          && last.get().phase().open()
          && last.get().to() == target.isolation()
          && last.get().server().equals(target.server())) {
        return Verdict.UNDER_WAY;
      }
      throw movingAlready(t);
    }
    if (!t.state().movable()) {
      throw new ConflictException("Only an active or suspended tenant can move");
    }
    if (t.samePlaceAs(target)) {
      throw new ConflictException("Tenant '" + t.id() + "' is there already");
    }
    return Verdict.START;
  }

  /** The refusal of a second move while one is under way. */
  static ConflictException movingAlready(Tenant t) {
    return new ConflictException(
        "Tenant '" + t.id() + "' is moving already; wait until it is done", MOVE_POLL);
  }

  /**
   * @throws ConflictException with a retry delay when {@code t} is moving: suspend, resume and
   *     delete wait for the move to finish
   */
  static void requireNotMoving(Tenant t, String action) {
    if (t.state() == TenantState.MOVING) {
      throw new ConflictException(
          "Tenant '" + t.id() + "' is moving; " + action + " it once the move has finished",
          MOVE_POLL);
    }
  }
}
