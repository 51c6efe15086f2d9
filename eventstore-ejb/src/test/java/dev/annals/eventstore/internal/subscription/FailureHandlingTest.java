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
      new ConsumerPolicy(5, 100, 1000, new BreakerPolicy(1.0, 100, 5000));

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
  void aFailedBatchIsTriedWholeOnceThenNarrowedAndOnlyTheCulpritLeavesTheFlow() {
    FailureHandling h = handling(0);
    RecordedEvent a = event(1);
    RecordedEvent b = event(2);
    RecordedEvent c = event(3);
    var first = h.failed(List.of(a, b, c), new RuntimeException("x"), "x", 500);
    assertEquals(
        new FailureHandling.Decision.Retry(true), first, "the whole batch once more, at once");
    assertFalse(h.narrow());
    var second = h.failed(List.of(a, b, c), new RuntimeException("x"), "x", 500);
    assertEquals(new FailureHandling.Decision.Retry(false), second, "then one at a time, at once");
    assertTrue(h.narrow());
    h.succeeded(List.of(a), a.position());
    assertTrue(h.narrow(), "still inside the failed batch");
    var letter = h.failed(List.of(b), new RuntimeException(), "x", 500);
    var retrying = assertInstanceOf(FailureHandling.Decision.DeadLetter.class, letter);
    assertEquals(b, retrying.head());
    assertTrue(retrying.retrying(), "the policy allows 5: it retries beside the flow");
    assertEquals(3, retrying.attempts(), "the batch's attempts count");
    assertEquals(200, retrying.retryInMs(), "half of 100 * 2^2, no jitter drawn");
    h.deadLettered(b);
    h.succeeded(List.of(c), c.position());
    assertFalse(h.narrow(), "past the failed batch: batches again");
  }

  @Test
  void aBatchThatGoesThroughTheSecondTimeIsNotNarrowed() {
    FailureHandling h = handling(0);
    RecordedEvent a = event(1);
    RecordedEvent b = event(2);
    h.failed(List.of(a, b), new RuntimeException("x"), "x", 500);
    h.succeeded(List.of(a, b), b.position());
    assertFalse(h.narrow());
    assertEquals(
        new FailureHandling.Decision.Retry(true),
        h.failed(List.of(event(3), event(4)), new RuntimeException("x"), "x", 500),
        "a later batch is tried whole again first");
    assertFalse(h.narrow());
  }

  @Test
  void anEventAtItsBudgetIsAnOpenLetter() {
    policy = new ConsumerPolicy(3, 100, 1000, new BreakerPolicy(1.0, 100, 5000));
    FailureHandling h = handling(0);
    RecordedEvent a = event(1);
    RecordedEvent b = event(2);
    h.failed(List.of(a, b), new RuntimeException(), "x", 500);
    h.failed(List.of(a, b), new RuntimeException(), "x", 500);
    var dead =
        assertInstanceOf(
            FailureHandling.Decision.DeadLetter.class,
            h.failed(List.of(a), new RuntimeException(), "x", 500));
    assertFalse(dead.retrying());
    assertEquals(3, dead.attempts(), "exactly the budget");
  }

  @Test
  void anEventThatFailedAloneRetriesBesideTheFlowAfterTheFirstBackoff() {
    FailureHandling h = handling(0);
    var d = h.failed(List.of(event(1)), new RuntimeException(), "x", 500);
    var retrying = assertInstanceOf(FailureHandling.Decision.DeadLetter.class, d);
    assertEquals(1, retrying.attempts());
    assertEquals(50, retrying.retryInMs(), "half of 100, no jitter drawn");
    assertFalse(h.narrow(), "nothing holds the flow");
  }

  @Test
  void poisonSkipsTheRetries() {
    FailureHandling h = handling(0);
    class Undecodable extends RuntimeException implements Poison {}
    var d = h.failed(List.of(event(1)), new IllegalStateException(new Undecodable()), "x", 500);
    var dead = assertInstanceOf(FailureHandling.Decision.DeadLetter.class, d);
    assertEquals(1, dead.attempts());
    assertTrue(dead.poison());
    assertFalse(dead.retrying());
  }

  @Test
  void theSameErrorFastOnEveryAttemptAloneIsPoison() {
    FailureHandling h = handling(1);
    var d = h.failed(List.of(event(1)), new RuntimeException(), "e", 5);
    assertTrue(assertInstanceOf(FailureHandling.Decision.DeadLetter.class, d).poison());
    var slow = h.failed(List.of(event(2)), new RuntimeException(), "e", 500);
    assertFalse(assertInstanceOf(FailureHandling.Decision.DeadLetter.class, slow).poison(), "slow");
  }

  @Test
  void aFailureThatOpensTheBreakerKeepsItsEventInTheFlowAsTheProbe() {
    policy = new ConsumerPolicy(100, 10, 10, new BreakerPolicy(1.0, 2, 5000));
    FailureHandling h = handling(0);
    RecordedEvent a = event(1);
    assertInstanceOf(
        FailureHandling.Decision.DeadLetter.class,
        h.failed(List.of(event(0)), new RuntimeException(), "x", 5));
    assertEquals(
        new FailureHandling.Decision.Retry(false),
        h.failed(List.of(a), new RuntimeException(), "x", 5),
        "the breaker opened: a stays, paused");
    assertTrue(h.narrow(), "a alone is the probe");
    assertEquals(5000, h.waitMs());
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
