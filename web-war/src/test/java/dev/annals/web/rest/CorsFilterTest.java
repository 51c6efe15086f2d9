package dev.annals.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CorsFilterTest {

  @Test
  void originsAreExactAndBlankMeansOff() {
    assertEquals(Set.of(), CorsFilter.parse(" "));
    assertEquals(Set.of(), CorsFilter.parse(null));
    assertEquals(
        Set.of("https://console.example", "http://localhost:8080"),
        CorsFilter.parse(" https://console.example/ ,, http://localhost:8080"));
  }
}
