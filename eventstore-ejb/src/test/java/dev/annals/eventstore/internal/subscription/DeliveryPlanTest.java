package dev.annals.eventstore.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.dlq.api.FailureKinds;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.upcast.UpcastFailedException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryPlanTest {

  private static final Checkpoint END = new Checkpoint(1, 100);

  private static RecordedEvent event(String stream, long position) {
    return new RecordedEvent(
        new EventId(UUID.randomUUID()),
        new StreamId(stream),
        "Moved",
        1,
        new Checkpoint(1, position),
        "{}",
        "{}",
        Instant.EPOCH);
  }

  private static Delivery split(
      List<RecordedEvent> matched, Set<String> blocked, boolean narrow, boolean forLetter) {
    return DeliveryPlan.split(null, matched, blocked, END, false, narrow, forLetter, false);
  }

  @Test
  void nothingBlockedNarrowOrUnreadable_theWholePage() {
    List<RecordedEvent> page = List.of(event("a", 1), event("b", 2));
    Delivery d = split(page, Set.of(), false, false);
    assertEquals(page, d.matched());
    assertEquals(END, d.next());
  }

  @Test
  void anUnreadableEventEndsTheBatchBeforeIt() {
    RecordedEvent a = event("a", 1);
    RecordedEvent parked = event("blocked", 2);
    RecordedEvent broken = event("b", 3).failedUpcast("no");
    Delivery d = split(List.of(a, parked, broken, event("c", 4)), Set.of("blocked"), false, false);
    assertEquals(List.of(a), d.matched());
    assertEquals(List.of(parked), d.parked());
    assertEquals(parked.position(), d.next(), "never past the unreadable event");
    assertTrue(d.full(), "more follows at once");
  }

  @Test
  void anUnreadableEventFirstFailsAloneAsPoison() {
    RecordedEvent broken = event("b", 2).failedUpcast("no");
    DeliveryFailedException f =
        assertThrows(
            DeliveryFailedException.class,
            () -> split(List.of(event("blocked", 1), broken), Set.of("blocked"), false, false));
    assertEquals(List.of(broken), f.attempted());
    assertInstanceOf(UpcastFailedException.class, f.getCause());
    assertTrue(FailureKinds.poison(f), "dead-lettered at once");
  }

  @Test
  void forALetterTheUnreadableEventIsTheOneToDeliver() {
    RecordedEvent parked = event("blocked", 1);
    RecordedEvent broken = event("b", 2).failedUpcast("no");
    Delivery d = split(List.of(parked, broken, event("c", 3)), Set.of("blocked"), true, true);
    assertEquals(List.of(broken), d.matched());
    assertEquals(List.of(parked), d.parked());
    assertEquals(broken.position(), d.next());
  }

  @Test
  void anUnreadableEventOfABlockedStreamIsParked() {
    RecordedEvent broken = event("blocked", 1).failedUpcast("no");
    RecordedEvent b = event("b", 2);
    Delivery d = split(List.of(broken, b), Set.of("blocked"), false, false);
    assertEquals(List.of(b), d.matched());
    assertEquals(List.of(broken), d.parked());
  }
}
