package dev.annals.tenancy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names states and phases have in the registry and on the wire never change. */
class WireNamesTest {

  @Test
  void tenantStatesKeepTheirNames() {
    assertEquals(
        List.of("creating", "active", "suspended", "moving", "deleted"),
        Arrays.stream(TenantState.values()).map(TenantState::wireName).toList());
    for (TenantState s : TenantState.values()) {
      assertEquals(s, TenantState.parse(s.wireName()));
    }
    assertThrows(IllegalArgumentException.class, () -> TenantState.parse("Active"));
  }

  @Test
  void movePhasesKeepTheirNames() {
    assertEquals(
        List.of("copying", "fenced", "switched", "done", "failed"),
        Arrays.stream(MovePhase.values()).map(MovePhase::wireName).toList());
    for (MovePhase p : MovePhase.values()) {
      assertEquals(p, MovePhase.parse(p.wireName()));
    }
    assertThrows(IllegalArgumentException.class, () -> MovePhase.parse("over"));
  }

  @Test
  void onlyActiveAndSuspendedTenantsMove() {
    assertTrue(TenantState.ACTIVE.movable());
    assertTrue(TenantState.SUSPENDED.movable());
    assertFalse(TenantState.MOVING.movable());
    assertFalse(TenantState.CREATING.movable());
    assertFalse(TenantState.DELETED.movable());
  }
}
