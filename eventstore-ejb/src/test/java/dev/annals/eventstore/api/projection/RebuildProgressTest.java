package dev.annals.eventstore.api.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.tenancy.api.InvalidRequestException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RebuildProgressTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final Checkpoint AT = new Checkpoint(7, 42);

  @Test
  void etaIsWhatIsLeftAtTheRecentRate() {
    RebuildProgress p = RebuildProgress.of(2, START, START.plusSeconds(10), AT, 4000, 6000, 2000.0);
    assertEquals(10_000, p.eventsTotal());
    assertEquals(4000, p.eventsDone());
    assertEquals(2000.0, p.eventsPerSecond());
    assertEquals(Optional.of(3.0), p.etaSeconds());
    assertEquals(AT, p.checkpoint());
  }

  @Test
  void withoutARecentRateTheAverageSinceTheStartCounts() {
    RebuildProgress p = RebuildProgress.of(3, START, START.plusSeconds(4), AT, 1000, 500, 0);
    assertEquals(250.0, p.eventsPerSecond());
    assertEquals(Optional.of(2.0), p.etaSeconds());
  }

  @Test
  void noRateYetMeansNoEta() {
    RebuildProgress p = RebuildProgress.of(2, START, START, Checkpoint.START, 0, 800, 0);
    assertEquals(0.0, p.eventsPerSecond());
    assertEquals(Optional.empty(), p.etaSeconds());
    assertEquals(800, p.eventsTotal());
  }

  @Test
  void caughtUpIsZeroSecondsAway() {
    RebuildProgress p = RebuildProgress.of(2, START, START, AT, 50, 0, 0);
    assertEquals(Optional.of(0.0), p.etaSeconds());
    assertEquals(50, p.eventsTotal());
  }

  @Test
  void aClockBehindTheStartOrNegativeCountsNeverGiveNegativeNumbers() {
    RebuildProgress p = RebuildProgress.of(2, START, START.minusSeconds(5), AT, -3, -1, -2);
    assertEquals(0, p.eventsDone());
    assertEquals(0, p.eventsTotal());
    assertEquals(0.0, p.eventsPerSecond());
    assertEquals(Optional.of(0.0), p.etaSeconds());
  }

  @Test
  void projectionNamesAreValidated() {
    assertEquals("statistics", new ProjectionName("statistics").value());
    assertThrows(InvalidRequestException.class, () -> new ProjectionName("has-dash"));
    assertThrows(InvalidRequestException.class, () -> new ProjectionName("ab"));
    assertThrows(InvalidRequestException.class, () -> new ProjectionName("Upper"));
    assertThrows(InvalidRequestException.class, () -> new ProjectionName(null));
  }
}
