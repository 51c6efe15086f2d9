package dev.annals.tenancy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annals.tenancy.api.MovePhase;
import dev.annals.tenancy.api.TenantState;
import dev.annals.tenancy.infrastructure.Gate;
import org.junit.jupiter.api.Test;

class MoveLifecycleTest {

  @Test
  void theTenantReadsMovingExactlyWhileItsMoveIsOpen() {
    for (MovePhase open :
        new MovePhase[] {MovePhase.COPYING, MovePhase.FENCED, MovePhase.SWITCHED}) {
      assertEquals(TenantState.MOVING, MoveLifecycle.tenantState(open, TenantState.SUSPENDED));
    }
    assertEquals(
        TenantState.SUSPENDED, MoveLifecycle.tenantState(MovePhase.DONE, TenantState.SUSPENDED));
    assertEquals(
        TenantState.ACTIVE, MoveLifecycle.tenantState(MovePhase.FAILED, TenantState.ACTIVE));
  }

  @Test
  void nothingWritesToTheTargetBeforeTheSwitch() {
    assertEquals(Gate.MOVED, MoveLifecycle.targetGateUntilSwitch());
  }

  @Test
  void theSwitchOpensTheGateOfTheStateBeforeTheMove() {
    assertEquals(Gate.OPEN, MoveLifecycle.gateAfter(TenantState.ACTIVE));
    assertEquals(Gate.SUSPENDED, MoveLifecycle.gateAfter(TenantState.SUSPENDED));
  }

  @Test
  void startUpRollsBackBeforeTheSwitchAndCompletesAfterIt() {
    assertEquals(MoveLifecycle.Recovery.ROLL_BACK, MoveLifecycle.recovery(MovePhase.COPYING));
    assertEquals(MoveLifecycle.Recovery.ROLL_BACK, MoveLifecycle.recovery(MovePhase.FENCED));
    assertEquals(MoveLifecycle.Recovery.COMPLETE, MoveLifecycle.recovery(MovePhase.SWITCHED));
    assertThrows(IllegalArgumentException.class, () -> MoveLifecycle.recovery(MovePhase.DONE));
  }

  @Test
  void theMovedAuditRecordNamesBothPlacesAndTheEventCount() {
    assertEquals(
        "{\"from\":\"shared\",\"to\":\"schema\",\"events\":42}",
        MoveLifecycle.movedDetail("shared", "schema", 42).toString());
  }
}
