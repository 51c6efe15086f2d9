package dev.annals.eventstore.api.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SnapshotPolicyTest {

  @Test
  void aSnapshotFollowsEachSaveThatCrossesAMultiple() {
    SnapshotPolicy every3 = new SnapshotPolicy(3, 2);
    assertFalse(every3.snapshotAfter(0, 2));
    assertTrue(every3.snapshotAfter(2, 3));
    assertTrue(every3.snapshotAfter(1, 4));
    assertFalse(every3.snapshotAfter(3, 5));
    assertTrue(every3.snapshotAfter(5, 6));
  }

  @Test
  void zeroOrLessIsOffAndKeepIsAtLeastOne() {
    SnapshotPolicy off = new SnapshotPolicy(-1, 0);
    assertEquals(0, off.every());
    assertEquals(1, off.keep());
    assertFalse(off.snapshotAfter(0, 1_000_000));
  }
}
