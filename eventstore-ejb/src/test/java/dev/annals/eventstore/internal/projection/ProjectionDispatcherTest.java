package dev.annals.eventstore.internal.projection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.infrastructure.projection.ProjectionRow;
import dev.annals.eventstore.infrastructure.projection.ProjectionStanding;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectionDispatcherTest {

  private static final ProjectionRow BUILDING_2 =
      new ProjectionRow(
          "statistics", 1, Optional.of(2), Optional.empty(), 3, Optional.empty(), Optional.empty());

  private static boolean may(Optional<Checkpoint> live, Checkpoint at) {
    return ProjectionDispatcher.mayHaveCaughtUp(new ProjectionStanding(BUILDING_2, live), at);
  }

  @Test
  void behindTheLiveCheckpoint_noLockTaken() {
    assertFalse(may(Optional.of(new Checkpoint(9, 500)), new Checkpoint(9, 499)));
    assertFalse(may(Optional.of(new Checkpoint(9, 500)), new Checkpoint(8, 900)));
  }

  @Test
  void atOrPastTheLiveCheckpoint_orWithoutOne_theLockedCheckDecides() {
    assertTrue(may(Optional.of(new Checkpoint(9, 500)), new Checkpoint(9, 500)));
    assertTrue(may(Optional.of(new Checkpoint(9, 500)), new Checkpoint(10, 1)));
    assertTrue(may(Optional.empty(), new Checkpoint(0, 0)));
  }
}
