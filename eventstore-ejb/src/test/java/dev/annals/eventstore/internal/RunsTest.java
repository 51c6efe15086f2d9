package dev.annals.eventstore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunsTest {

  @Test
  void consecutiveEqualKeysFormOneRun() {
    assertEquals(
        List.of(List.of("a1", "a2"), List.of("b1"), List.of("a3")),
        Runs.of(List.of("a1", "a2", "b1", "a3"), s -> s.charAt(0)));
    assertEquals(List.of(), Runs.of(List.<String>of(), s -> s));
  }
}
