package dev.annals.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void relativeTargetsCompareWithRaw() {
    assertEquals("met", Target.atMostTimesRaw(1.5).judge(1.4, 1.0));
    assertEquals("missed", Target.atMostTimesRaw(1.5).judge(1.6, 1.0));
    assertEquals("met", Target.atLeastTimesRaw(0.8).judge(80, 100));
    assertEquals("missed", Target.atLeastTimesRaw(0.8).judge(79, 100));
  }

  @Test
  void absoluteTargetsIgnoreRaw() {
    assertEquals("met", Target.atMost(0).judge(0, 5));
    assertEquals("missed", Target.atLeast(10_000).judge(9_999, 0));
    assertEquals("—", Target.NONE.judge(1, 2));
    assertEquals("≥ 10,000", Target.atLeast(10_000).describe());
    assertEquals("≤ 1.5× raw", Target.atMostTimesRaw(1.5).describe());
  }
}
