package dev.annals.tenancy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annals.tenancy.api.ConflictException;
import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.MovePhase;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantMove;
import dev.annals.tenancy.api.TenantState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MoveRulesTest {

  private static final Instant T0 = Instant.parse("2026-01-10T12:00:00Z");
  private static final Optional<DatabaseServer> PG2 =
      Optional.of(new DatabaseServer("pg2", "pg2.internal", 5432, "pg2", 5, 10));

  static Tenant tenant(Isolation isolation, TenantState state) {
    return new Tenant(
        new TenantId("acme"),
        "Acme",
        isolation,
        state,
        T0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        1);
  }

  static TenantMove move(Isolation to, MovePhase phase) {
    return new TenantMove(to, Optional.empty(), phase, 0, Optional.empty(), T0, Optional.empty());
  }

  @Test
  void anActiveOrSuspendedTenantMayMoveElsewhere() {
    for (TenantState s : new TenantState[] {TenantState.ACTIVE, TenantState.SUSPENDED}) {
      Tenant t = tenant(Isolation.SHARED, s);
      assertEquals(
          MoveRules.Verdict.START,
          MoveRules.check(t, t.at(Isolation.SCHEMA, Optional.empty()), Optional.empty()));
    }
  }

  @Test
  void theSameMoveAgainWhileItRunsIsAnsweredAsUnderWay() {
    Tenant t = tenant(Isolation.SHARED, TenantState.MOVING);
    assertEquals(
        MoveRules.Verdict.UNDER_WAY,
        MoveRules.check(
            t,
            t.at(Isolation.SCHEMA, Optional.empty()),
            Optional.of(move(Isolation.SCHEMA, MovePhase.SWITCHED))));
  }

  @Test
  void anotherMoveWhileOneRunsIsRefusedWithARetryDelay() {
    Tenant t = tenant(Isolation.SHARED, TenantState.MOVING);
    ConflictException e =
        assertThrows(
            ConflictException.class,
            () ->
                MoveRules.check(
                    t,
                    t.at(Isolation.DATABASE, Optional.empty()),
                    Optional.of(move(Isolation.SCHEMA, MovePhase.COPYING))));
    assertEquals("Tenant 'acme' is moving already; wait until it is done", e.getMessage());
    assertEquals(Optional.of(Duration.ofSeconds(1)), e.retryAfter());
  }

  @Test
  void aMovingTenantWhoseLastMoveEndedIsRefusedWithARetryDelay() {
    Tenant t = tenant(Isolation.SHARED, TenantState.MOVING);
    ConflictException e =
        assertThrows(
            ConflictException.class,
            () ->
                MoveRules.check(
                    t,
                    t.at(Isolation.SCHEMA, Optional.empty()),
                    Optional.of(move(Isolation.SCHEMA, MovePhase.DONE))));
    assertEquals(Optional.of(Duration.ofSeconds(1)), e.retryAfter());
  }

  @Test
  void refusalsThatWaitingDoesNotResolveCarryNoRetryDelay() {
    Tenant there = tenant(Isolation.SCHEMA, TenantState.ACTIVE);
    ConflictException same =
        assertThrows(
            ConflictException.class,
            () ->
                MoveRules.check(
                    there, there.at(Isolation.SCHEMA, Optional.empty()), Optional.empty()));
    assertEquals("Tenant 'acme' is there already", same.getMessage());
    assertEquals(Optional.empty(), same.retryAfter());

    Tenant deleted = tenant(Isolation.SHARED, TenantState.DELETED);
    ConflictException notMovable =
        assertThrows(
            ConflictException.class,
            () ->
                MoveRules.check(
                    deleted, deleted.at(Isolation.SCHEMA, Optional.empty()), Optional.empty()));
    assertEquals("Only an active or suspended tenant can move", notMovable.getMessage());
    assertEquals(Optional.empty(), notMovable.retryAfter());
  }

  @Test
  void aDatabaseTenantMovesStraightToAnotherServerInANewGeneration() {
    Tenant t = tenant(Isolation.DATABASE, TenantState.ACTIVE);
    Tenant target = t.at(Isolation.DATABASE, PG2).inGeneration(2);
    assertEquals(MoveRules.Verdict.START, MoveRules.check(t, target, Optional.empty()));
    assertEquals("jdbc/annals/tenant/acme-2", target.placement("jdbc/annals/runtime").dataSource());
    assertEquals("jdbc/annals/tenant/acme-1", t.placement("jdbc/annals/runtime").dataSource());
  }

  @Test
  void aServerIsOnlyForDatabaseIsolation() {
    MoveRules.checkTarget(Isolation.DATABASE, Optional.of("pg2"));
    MoveRules.checkTarget(Isolation.SCHEMA, Optional.empty());
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> MoveRules.checkTarget(Isolation.SCHEMA, Optional.of("pg2")));
    assertEquals(
        "'database' (a registered server) applies only to isolation 'database'", e.getMessage());
  }

  @Test
  void suspendResumeAndDeleteWaitForAMove() {
    MoveRules.requireNotMoving(tenant(Isolation.SHARED, TenantState.ACTIVE), "delete");
    ConflictException e =
        assertThrows(
            ConflictException.class,
            () ->
                MoveRules.requireNotMoving(tenant(Isolation.SHARED, TenantState.MOVING), "delete"));
    assertEquals("Tenant 'acme' is moving; delete it once the move has finished", e.getMessage());
    assertEquals(Optional.of(Duration.ofSeconds(1)), e.retryAfter());
  }
}
