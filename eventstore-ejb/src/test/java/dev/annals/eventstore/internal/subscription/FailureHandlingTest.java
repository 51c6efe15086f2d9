package dev.annals.eventstore.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.dlq.api.BreakerPolicy;
import dev.annals.dlq.api.BreakerState;
import dev.annals.dlq.api.BreakerStatus;
import dev.annals.dlq.api.ConsumerPolicy;
import dev.annals.dlq.api.Poison;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureHandlingTest {

  private final AtomicLong now = new AtomicLong(1_000_000);
  private final List<BreakerStatus> changes = new ArrayList<>();
  private ConsumerPolicy policy =
      new ConsumerPolicy(3, 100, 1000, new BreakerPolicy(1.0, 100, 5000));

  private FailureHandling handling(int poisonAfter) {
    return new FailureHandling(() -> policy, changes::add, poisonAfter, 50, now::get, () -> 0.0);
  }

  private static RecordedEvent event(long position) {
    return new RecordedEvent(
        new EventId(UUID.randomUUID()),
        new StreamId("s-" + position),
        "Moved",
        1,
        new Checkpoint(1, position),
        "{}",
        "{}",
        Instant.EPOCH);
  }

  @Test
  void aFailedBatchNarrowsToOneEventAtATimeAndOnlyTheCulpritIsDeadLettered() {
    FailureHandling h = handling(0);
    RecordedEvent a = event(1);
    RecordedEvent b = event(2);
    RecordedEvent c = event(3);
    var first = h.failed(List.of(a, b, c), new RuntimeException("x"), "x", 500);
    assertEquals(new FailureHandling.Decision.Retry(50), first, "half of 100, no jitter drawn");
    assertTrue(h.narrow());
    h.succeeded(List.of(a), a.position());
    assertTrue(h.narrow(), "still inside the failed batch");
    assertInstanceOf(
        FailureHandling.Decision.Retry.class,
        h.failed(List.of(b), new RuntimeException(), "x", 500));
    var letter = h.failed(List.of(b), new RuntimeException(), "x", 500);
    var dead = assertInstanceOf(FailureHandling.Decision.DeadLetter.class, letter);
    assertEquals(b, dead.head());
    assertEquals(3, dead.attempts(), "the batch's attempt counts");
    assertFalse(dead.poison());
    h.deadLettered(b);
    h.succeeded(List.of(c), c.position());
    assertFalse(h.narrow(), "past the failed batch: batches again");
  }

  @Test
  void anEventThatFailedAloneIsRetriedAloneAndNeverTriedPastItsBudget() {
    FailureHandling h = handling(0);
    RecordedEvent a = event(1);
    RecordedEvent b = event(2);
    assertInstanceOf(
        FailureHandling.Decision.Retry.class,
        h.failed(List.of(a), new RuntimeException(), "x", 500));
    assertTrue(h.narrow(), "b, appended meanwhile, must not join a's retry");
    assertInstanceOf(
        FailureHandling.Decision.Retry.class,
        h.failed(List.of(a), new RuntimeException(), "x", 500));
    assertTrue(h.narrow());
    var dead =
        assertInstanceOf(
            FailureHandling.Decision.DeadLetter.class,
            h.failed(List.of(a), new RuntimeException(), "x", 500));
    assertEquals(3, dead.attempts(), "exactly the budget");
    h.deadLettered(a);
    assertFalse(h.narrow(), "past a: batches again");
    h.succeeded(List.of(b), b.position());
    assertFalse(h.narrow());
  }

  @Test
  void backoffGrowsWithAnEventsAttempts() {
    FailureHandling h = handling(0);
    policy = new ConsumerPolicy(10, 100, 1000, new BreakerPolicy(1.0, 100, 5000));
    RecordedEvent a = event(1);
    List<Long> pauses = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      pauses.add(
          ((FailureHandling.Decision.Retry) h.failed(List.of(a), new RuntimeException(), "x", 500))
              .afterMs());
    }
    assertEquals(List.of(50L, 100L, 200L, 400L, 500L), pauses);
  }

  @Test
  void poisonSkipsTheRemainingRetries() {
    FailureHandling h = handling(0);
    class Undecodable extends RuntimeException implements Poison {}
    var d = h.failed(List.of(event(1)), new IllegalStateException(new Undecodable()), "x", 500);
    var dead = assertInstanceOf(FailureHandling.Decision.DeadLetter.class, d);
    assertEquals(1, dead.attempts());
    assertTrue(dead.poison());
  }

  @Test
  void theSameErrorFastOnEveryAttemptIsPoison() {
    policy = new ConsumerPolicy(10, 100, 1000, new BreakerPolicy(1.0, 100, 5000));
    FailureHandling h = handling(2);
    RecordedEvent a = event(1);
    assertInstanceOf(
        FailureHandling.Decision.Retry.class, h.failed(List.of(a), new RuntimeException(), "e", 5));
    var d = h.failed(List.of(a), new RuntimeException(), "e", 5);
    assertTrue(assertInstanceOf(FailureHandling.Decision.DeadLetter.class, d).poison());

    RecordedEvent slow = event(2);
    h.failed(List.of(slow), new RuntimeException(), "e", 500);
    assertInstanceOf(
        FailureHandling.Decision.Retry.class,
        h.failed(List.of(slow), new RuntimeException(), "e", 5),
        "one slow attempt: not poison");
    RecordedEvent changing = event(3);
    h.failed(List.of(changing), new RuntimeException(), "e1", 5);
    assertInstanceOf(
        FailureHandling.Decision.Retry.class,
        h.failed(List.of(changing), new RuntimeException(), "e2", 5),
        "different errors: not poison");
  }

  @Test
  void theBreakerOpensPausesAndReportsItsChanges() {
    policy = new ConsumerPolicy(100, 10, 10, new BreakerPolicy(1.0, 2, 5000));
    FailureHandling h = handling(0);
    h.failed(List.of(event(1)), new RuntimeException(), "x", 5);
    h.failed(List.of(event(1)), new RuntimeException(), "x", 5);
    assertEquals(BreakerState.OPEN, h.breaker().state());
    assertEquals(5000, h.waitMs());
    now.addAndGet(5000);
    assertEquals(0, h.waitMs());
    h.succeeded(List.of(event(1)), new Checkpoint(1, 1));
    assertEquals(
        List.of(BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED),
        changes.stream().map(BreakerStatus::state).toList());
  }
}
