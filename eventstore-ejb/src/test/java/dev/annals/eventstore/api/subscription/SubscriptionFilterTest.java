package dev.annals.eventstore.api.subscription;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.tenancy.api.InvalidRequestException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionFilterTest {

  private static RecordedEvent event(String stream, String type) {
    return new RecordedEvent(
        new EventId(UUID.randomUUID()),
        new StreamId(stream),
        type,
        1,
        new Checkpoint(1, 1),
        "{}",
        "{}",
        Instant.EPOCH);
  }

  @Test
  void matchesBothConditionsWhenGiven() {
    SubscriptionFilter f = new SubscriptionFilter(Optional.of("order-"), Set.of("Placed", "Paid"));
    assertTrue(f.matches(event("order-1", "Placed")));
    assertFalse(f.matches(event("order-1", "Shipped")));
    assertFalse(f.matches(event("invoice-1", "Paid")));
    assertTrue(SubscriptionFilter.ALL.matches(event("anything", "Any")));
    assertTrue(
        new SubscriptionFilter(Optional.empty(), Set.of("Paid")).matches(event("x", "Paid")));
  }

  @Test
  void refusesEmptyPrefixesInvalidTypesAndBadNames() {
    assertThrows(
        InvalidRequestException.class, () -> new SubscriptionFilter(Optional.of(""), Set.of()));
    assertThrows(
        InvalidRequestException.class,
        () -> new SubscriptionFilter(Optional.empty(), Set.of("not a type")));
    for (String bad : new String[] {"ab", "Upper", "1abc", "a b c", "x".repeat(64), "tab\t1"}) {
      assertThrows(InvalidRequestException.class, () -> new SubscriptionName(bad), bad);
    }
    new SubscriptionName("orders-projection_2");
  }
}
