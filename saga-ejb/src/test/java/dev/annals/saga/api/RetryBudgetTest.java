package dev.annals.saga.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.tenancy.api.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

  private final RetryBudget budget =
      new RetryBudget(10, Duration.ofMillis(100), Duration.ofMillis(1000));

  @Test
  void delaysDoubleFromTheInitialBackoffUpToTheCap() {
    assertEquals(Duration.ofMillis(100), budget.delayBefore(2, 0));
    assertEquals(Duration.ofMillis(200), budget.delayBefore(3, 0));
    assertEquals(Duration.ofMillis(400), budget.delayBefore(4, 0));
    assertEquals(Duration.ofMillis(800), budget.delayBefore(5, 0));
    assertEquals(Duration.ofMillis(1000), budget.delayBefore(6, 0));
    assertEquals(Duration.ofMillis(1000), budget.delayBefore(100, 0));
  }

  @Test
  void jitterTakesAwayAtMostHalf() {
    for (double jitter : new double[] {0.0, 0.25, 0.5, 0.999}) {
      long delay = budget.delayBefore(4, jitter).toMillis();
      assertTrue(delay > 200 && delay <= 400, "delay " + delay + " for jitter " + jitter);
    }
    assertEquals(Duration.ofMillis(300), budget.delayBefore(4, 0.5));
  }

  @Test
  void hugeBackoffsNeverOverflow() {
    RetryBudget slow = new RetryBudget(100, Duration.ofHours(1), Duration.ofDays(1));
    assertEquals(Duration.ofDays(1), slow.delayBefore(99, 0));
  }

  @Test
  void budgetCountsAttemptsInAll() {
    RetryBudget three = RetryBudget.of(3, Duration.ofMillis(10));
    assertTrue(three.allowsAfter(1));
    assertTrue(three.allowsAfter(2));
    assertFalse(three.allowsAfter(3));
    assertFalse(new RetryBudget(1, Duration.ZERO, Duration.ZERO).allowsAfter(1));
  }

  @Test
  void outOfRangeValuesAreRefusedNamingTheField() {
    assertEquals(
        "'maxAttempts' must be 1-100",
        assertThrows(
                InvalidRequestException.class,
                () -> new RetryBudget(0, Duration.ZERO, Duration.ZERO))
            .getMessage());
    assertEquals(
        "'backoffMs' must be 0-3600000",
        assertThrows(
                InvalidRequestException.class,
                () -> new RetryBudget(3, Duration.ofMillis(-1), Duration.ZERO))
            .getMessage());
    assertThrows(
        InvalidRequestException.class,
        () -> new RetryBudget(3, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> budget.delayBefore(1, 0));
    assertThrows(IllegalArgumentException.class, () -> budget.delayBefore(2, 1.0));
  }
}
