package dev.annals.eventstore.internal.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.projection.ProjectionBatch;
import dev.annals.tenancy.api.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatisticsProjectionTest {

  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void aBatchFoldsIntoOneRowPerTypeCountingStreamsByTheirFirstEvent() {
    List<RecordedEvent> events =
        List.of(
            event("a", "Placed", 1, T0),
            event("a", "Paid", 2, T0.plusSeconds(3)),
            event("b", "Placed", 1, T0.plusSeconds(1)),
            event("c", "Paid", 4, T0.plusSeconds(2)),
            event("b", "Placed", 2, T0.minusSeconds(9)));
    Map<String, StatisticsProjection.TypeCounts> folded =
        StatisticsProjection.fold(
            new ProjectionBatch(new TenantId("acme"), 1, events, new Checkpoint(5, 5)));
    assertEquals(List.of("Paid", "Placed"), List.copyOf(folded.keySet()), "sorted by type");
    assertEquals(2, folded.get("Paid").events);
    assertEquals(0, folded.get("Paid").streams);
    assertEquals(T0.plusSeconds(3), folded.get("Paid").last);
    assertEquals(3, folded.get("Placed").events);
    assertEquals(2, folded.get("Placed").streams);
    assertEquals(T0.plusSeconds(1), folded.get("Placed").last);
  }

  private static RecordedEvent event(String stream, String type, long version, Instant at) {
    return new RecordedEvent(
        new EventId(UUID.randomUUID()),
        new StreamId(stream),
        type,
        version,
        new Checkpoint(1, version),
        "{}",
        "{}",
        at);
  }
}
