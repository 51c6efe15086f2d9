package dev.annals.dlq.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private final CircuitBreaker breaker = new CircuitBreaker(new BreakerPolicy(0.5, 4, 1000));

  @Test
  void opensOnlyOnceAFullWindowReachesTheRatio() {
    assertFalse(breaker.record(false, 0));
    assertFalse(breaker.record(false, 1));
    assertFalse(breaker.record(true, 2), "three attempts: the window is not full yet");
    assertTrue(breaker.record(true, 3), "2 of 4 failed: the ratio is reached");
    assertEquals(BreakerState.OPEN, breaker.status().state());
    assertEquals(2, breaker.status().failures());
  }

  @Test
  void staysClosedBelowTheRatio() {
    for (int i = 0; i < 20; i++) {
      assertFalse(breaker.record(i % 4 != 0, i), "1 failure in 4 is below one half");
    }
    assertEquals(BreakerState.CLOSED, breaker.status().state());
  }

  @Test
  void pausesForItsDelayThenLetsOneProbeDecide() {
    for (int i = 0; i < 4; i++) {
      breaker.record(false, 100);
    }
    assertEquals(1000, breaker.waitMs(100));
    assertEquals(400, breaker.waitMs(700));
    assertEquals(0, breaker.waitMs(1100), "the delay is over: a probe may start");
    assertEquals(BreakerState.HALF_OPEN, breaker.status().state());
    assertTrue(breaker.record(false, 1200), "a failed probe opens it again");
    assertEquals(BreakerState.OPEN, breaker.status().state());
    assertEquals(1000, breaker.waitMs(1200));
    assertEquals(0, breaker.waitMs(2200));
    assertTrue(breaker.record(true, 2300), "a good probe closes it");
    assertEquals(BreakerState.CLOSED, breaker.status().state());
    assertEquals(0, breaker.status().failures());
    assertEquals(0, breaker.waitMs(2300));
  }

  @Test
  void aShorterWindowTakesEffectAtOnce() {
    breaker.record(false, 0);
    breaker.record(true, 1);
    breaker.record(true, 2);
    breaker.policy(new BreakerPolicy(1.0, 1, 10));
    assertTrue(breaker.record(false, 3));
  }

  @Test
  void aRecordedOpenStateIsTakenOverWithTheRestOfItsDelay() {
    breaker.restore(
        new BreakerStatus(BreakerState.OPEN, java.util.Optional.of(java.time.Instant.EPOCH), 4));
    assertEquals(BreakerState.OPEN, breaker.status().state());
    assertEquals(600, breaker.waitMs(400), "opened at 0: 600 ms of its delay left");
    assertEquals(0, breaker.waitMs(1000));
    assertEquals(BreakerState.HALF_OPEN, breaker.status().state(), "then one probe decides");
    assertTrue(breaker.record(true, 1001));
    assertEquals(BreakerState.CLOSED, breaker.status().state());
  }

  @Test
  void aRecordedClosedStateChangesNothing() {
    breaker.restore(BreakerStatus.CLOSED);
    assertEquals(0, breaker.waitMs(0));
    assertEquals(BreakerState.CLOSED, breaker.status().state());
  }
}
