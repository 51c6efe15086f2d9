package dev.annals.eventstore.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RecheckTest {

  @Test
  void nothingHeldBackMeansWaitForAWakeUp() {
    assertEquals(-1, new Recheck(500).after(false, false));
    assertEquals(-1, new Recheck(500).after(false, true));
  }

  @Test
  void aLastingHoldIsReadAgainLessAndLessOftenUpToTheCeiling() {
    Recheck r = new Recheck(10);
    assertEquals(2, r.after(true, false));
    assertEquals(4, r.after(true, false));
    assertEquals(8, r.after(true, false));
    assertEquals(10, r.after(true, false));
    assertEquals(10, r.after(true, false));
  }

  @Test
  void progressOrAnEndedHoldStartsTheDelaysOver() {
    Recheck r = new Recheck(500);
    r.after(true, false);
    r.after(true, false);
    assertEquals(2, r.after(true, true), "progress: the next hold is a new one");
    r.after(true, false);
    assertEquals(-1, r.after(false, false));
    assertEquals(2, r.after(true, false));
  }
}
