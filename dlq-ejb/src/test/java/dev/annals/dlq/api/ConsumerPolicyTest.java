package dev.annals.dlq.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annals.tenancy.api.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ConsumerPolicyTest {

  private static final BreakerPolicy BREAKER = new BreakerPolicy(0.5, 20, 30_000);

  @Test
  void backoffDoublesUpToItsCapWithEqualJitter() {
    ConsumerPolicy p = new ConsumerPolicy(5, 100, 1000, BREAKER);
    assertEquals(50, p.backoffMs(1, 0.0), "half fixed");
    assertEquals(100, p.backoffMs(1, 0.9999999));
    assertEquals(100, p.backoffMs(2, 0.0));
    assertEquals(200, p.backoffMs(3, 0.0));
    assertEquals(500, p.backoffMs(5, 0.0), "800 capped at 1000, half of it fixed");
    assertEquals(750, p.backoffMs(60, 0.5), "no overflow far out");
  }

  @Test
  void refusesValuesOutOfRange() {
    assertThrows(InvalidRequestException.class, () -> new ConsumerPolicy(0, 100, 1000, BREAKER));
    assertThrows(InvalidRequestException.class, () -> new ConsumerPolicy(5, 100, 50, BREAKER));
    assertThrows(InvalidRequestException.class, () -> new ConsumerPolicy(5, 100, 1000, null));
    assertThrows(InvalidRequestException.class, () -> new BreakerPolicy(0, 20, 1000));
    assertThrows(InvalidRequestException.class, () -> new BreakerPolicy(1.5, 20, 1000));
    assertThrows(InvalidRequestException.class, () -> new BreakerPolicy(0.5, 0, 1000));
  }

  @Test
  void poisonIsAMarkedExceptionAnywhereInTheChain() {
    class Undecodable extends RuntimeException implements Poison {}
    class UpcastTimeout extends RuntimeException {}
    assertEquals(true, FailureKinds.poison(new IllegalStateException(new Undecodable())));
    assertEquals(true, FailureKinds.poison(new Undecodable()));
    assertEquals(false, FailureKinds.poison(new RuntimeException(new UpcastTimeout())));
    assertEquals(false, FailureKinds.poison(new IllegalStateException("down")));
  }
}
