package dev.annals.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrelationFilterTest {

  @Test
  void generatedIdsAreDistinctVersion4UuidsThatPassTheirOwnCheck() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = CorrelationFilter.newId();
      UUID uuid = UUID.fromString(id);
      assertEquals(4, uuid.version(), id);
      assertEquals(2, uuid.variant(), id);
      assertEquals(id, uuid.toString());
      assertTrue(CorrelationFilter.sane(id).isPresent(), id);
      assertTrue(seen.add(id), "repeated " + id);
    }
  }
}
