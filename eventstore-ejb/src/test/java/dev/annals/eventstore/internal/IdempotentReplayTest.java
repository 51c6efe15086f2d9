package dev.annals.eventstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.AppendResult;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.EventIdConflictException;
import dev.annals.eventstore.api.StreamId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotentReplayTest {

  private final StreamId stream = new StreamId("order-1");
  private final EventId a = EventId.random();
  private final EventId b = EventId.random();

  private IdempotentReplay.Stored at(long version, int index, int count) {
    return new IdempotentReplay.Stored(
        stream, version, new Checkpoint(900, version * 10), index, count);
  }

  @Test
  void newIdsAreNoReplay() {
    assertTrue(IdempotentReplay.decide(stream, List.of(a, b), Map.of()).isEmpty());
  }

  @Test
  void exactResendReturnsTheOriginalResult() {
    AppendResult result =
        IdempotentReplay.decide(stream, List.of(a, b), Map.of(a, at(4, 0, 2), b, at(5, 1, 2)))
            .orElseThrow();
    assertEquals(4, result.firstVersion());
    assertEquals(5, result.lastVersion());
    assertEquals(new Checkpoint(900, 50), result.position());
    assertTrue(result.replayed());
  }

  @Test
  void idsMixedWithNewOnesConflict() {
    assertThrows(
        EventIdConflictException.class,
        () -> IdempotentReplay.decide(stream, List.of(a, b), Map.of(a, at(4, 0, 1))));
  }

  @Test
  void anotherOrderConflicts() {
    assertThrows(
        EventIdConflictException.class,
        () ->
            IdempotentReplay.decide(stream, List.of(b, a), Map.of(a, at(4, 0, 2), b, at(5, 1, 2))));
  }

  @Test
  void partOfAnEarlierAppendConflicts() {
    assertThrows(
        EventIdConflictException.class,
        () -> IdempotentReplay.decide(stream, List.of(a), Map.of(a, at(4, 0, 2))));
  }

  @Test
  void twoEarlierAppendsResentAsOneConflict() {
    assertThrows(
        EventIdConflictException.class,
        () ->
            IdempotentReplay.decide(stream, List.of(a, b), Map.of(a, at(4, 0, 1), b, at(5, 0, 1))));
  }

  @Test
  void idsStoredInAnotherStreamConflict() {
    IdempotentReplay.Stored elsewhere =
        new IdempotentReplay.Stored(new StreamId("other"), 1, new Checkpoint(1, 1), 0, 1);
    assertThrows(
        EventIdConflictException.class,
        () -> IdempotentReplay.decide(stream, List.of(a), Map.of(a, elsewhere)));
  }
}
