package dev.annals.web.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

/**
 * Problem documents are written without JSON-P: the text must stay exactly what a JSON-P builder
 * wrote before (member order, numbers, escaping), which clients and the ITs read.
 */
class ProblemTest {

  @Test
  void documentIsTheTextJsonPWrote() {
    String detail = "Stream 'a\"b\\c' does not exist\n\t\u0001 – ünïcode ✓ 😀 </script>";
    String text =
        Problem.of(429, "rate-limited", "Too many requests", detail)
            .with("limit", "tenant")
            .with("requestsPerSecond", 2000)
            .with("usage", -7)
            .with("absent", (String) null)
            .toJson("/api/tenants/acme/streams/x/events", "corr-1");

    JsonObjectBuilder expected =
        Json.createObjectBuilder()
            .add("type", "https://annals.dev/problems/rate-limited")
            .add("title", "Too many requests")
            .add("status", 429)
            .add("detail", detail)
            .add("limit", "tenant")
            .add("requestsPerSecond", 2000)
            .add("usage", -7)
            .add("instance", "/api/tenants/acme/streams/x/events")
            .add("correlationId", "corr-1");
    assertEquals(expected.build().toString(), text);
  }

  @Test
  void aMemberAddedAgainKeepsItsPlaceAndTakesTheNewValue() {
    String text =
        Problem.of(409, "wrong-expected-version", "Conflict", null)
            .with("currentVersion", 3)
            .with("rule", "r")
            .with("currentVersion", 4)
            .toJson("/p", null);
    assertEquals(
        "{\"type\":\"https://annals.dev/problems/wrong-expected-version\",\"title\":\"Conflict\","
            + "\"status\":409,\"detail\":\"Conflict\",\"currentVersion\":4,\"rule\":\"r\","
            + "\"instance\":\"/p\"}",
        text);
  }
}
