package dev.annals.eventstore.internal.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenerationNamesTest {

  @Test
  void aGenerationsSubscriptionNameParsesBack() {
    String name = GenerationNames.subscription("statistics", 12);
    assertEquals("projection-statistics-12", name);
    assertEquals(
        Optional.of(new GenerationNames.Generation("statistics", 12)), GenerationNames.parse(name));
    assertEquals(
        Optional.of(new GenerationNames.Generation("per_type_v2", 1)),
        GenerationNames.parse("projection-per_type_v2-1"));
  }

  @Test
  void otherNamesAreNoGeneration() {
    for (String other :
        new String[] {
          "orders",
          "projection-",
          "projection-statistics",
          "projection-statistics-",
          "projection--3",
          "projection-a-b-3",
          "projection-statistics-0",
          "projection-statistics-x1",
          "projection-statistics-1234567890",
          "my-projection-statistics-1"
        }) {
      assertEquals(Optional.empty(), GenerationNames.parse(other), other);
    }
  }
}
