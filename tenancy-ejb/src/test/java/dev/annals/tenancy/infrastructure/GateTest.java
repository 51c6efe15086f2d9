package dev.annals.tenancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annals.tenancy.api.TenantState;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {

  @Test
  void gateNamesAreTheOnesTheAppendFunctionReads() {
    assertEquals(
        List.of("open", "suspended", "moved", "deleted"),
        Arrays.stream(Gate.values()).map(Gate::wireName).toList());
  }

  @Test
  void eachSettledStateHasItsGate() {
    assertEquals(Gate.OPEN, Gate.of(TenantState.ACTIVE));
    assertEquals(Gate.SUSPENDED, Gate.of(TenantState.SUSPENDED));
    assertEquals(Gate.DELETED, Gate.of(TenantState.DELETED));
    assertThrows(IllegalArgumentException.class, () -> Gate.of(TenantState.MOVING));
    assertThrows(IllegalArgumentException.class, () -> Gate.of(TenantState.CREATING));
  }
}
