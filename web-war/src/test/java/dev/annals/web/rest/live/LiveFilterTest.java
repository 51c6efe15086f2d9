package dev.annals.web.rest.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.tenancy.api.InvalidRequestException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LiveFilterTest {

  @Test
  void noFilterMatchesEverything() {
    LiveFilter f = LiveFilter.parse(null, "");
    assertTrue(f.filter().matches(event("any-1", "Anything")));
  }

  @Test
  void prefixAndTypesMustBothMatch() {
    LiveFilter f = LiveFilter.parse("order-", "Placed, Shipped");
    assertEquals(Set.of("Placed", "Shipped"), f.eventTypes());
    assertTrue(f.filter().matches(event("order-1", "Placed")));
    assertTrue(f.filter().matches(event("order-2", "Shipped")));
    assertFalse(f.filter().matches(event("cart-1", "Placed")));
    assertFalse(f.filter().matches(event("order-1", "Cancelled")));
  }

  @Test
  void malformedParametersAreRefusedNamingThem() {
    assertTrue(
        assertThrows(InvalidRequestException.class, () -> LiveFilter.parse("a b", null))
            .getMessage()
            .contains("'streamPrefix'"));
    assertTrue(
        assertThrows(InvalidRequestException.class, () -> LiveFilter.parse(null, "Ok,,Fine"))
            .getMessage()
            .contains("'eventTypes'"));
    assertTrue(
        assertThrows(InvalidRequestException.class, () -> LiveFilter.parse(null, "1st"))
            .getMessage()
            .contains("'1st'"));
  }

  @Test
  void atMostAHundredTypes() {
    String many = IntStream.range(0, 101).mapToObj(i -> "T" + i).collect(Collectors.joining(","));
    assertThrows(InvalidRequestException.class, () -> LiveFilter.parse(null, many));
    String enough = IntStream.range(0, 100).mapToObj(i -> "T" + i).collect(Collectors.joining(","));
    assertEquals(100, LiveFilter.parse(null, enough).eventTypes().size());
  }

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
}
