package dev.annals.it.eventstore;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A stream as it stood at a version or a time: a prefix of its versions, in either direction. */
class TemporalReadsIT {

  private static final String INVALID = "https://annals.dev/problems/invalid-request";

  @Test
  void toVersionReturnsNothingAboveItInEitherDirectionAndEndsThePaging() {
    String tenant = Api.createTenant();
    String stream = appendFive(tenant);

    assertEquals(List.of(1L, 2L, 3L), versions(page(tenant, stream, "toVersion=3")));
    assertTrue(page(tenant, stream, "toVersion=3").isNull("next"), "no page after version 3");
    JsonObject first = page(tenant, stream, "toVersion=3&limit=2");
    assertEquals(List.of(1L, 2L), versions(first));
    assertEquals(3, first.getJsonNumber("next").longValue());
    JsonObject second = page(tenant, stream, "toVersion=3&limit=2&from=3");
    assertEquals(List.of(3L), versions(second));
    assertTrue(second.isNull("next"));
    assertEquals(
        List.of(3L, 2L, 1L), versions(page(tenant, stream, "toVersion=3&direction=backward")));
    assertEquals(
        List.of(2L, 1L), versions(page(tenant, stream, "toVersion=3&direction=backward&from=2")));
    assertEquals(List.of(), versions(page(tenant, stream, "toVersion=0")));
    assertEquals(List.of(), versions(page(tenant, stream, "toVersion=0&direction=backward")));
    assertEquals(List.of(), versions(page(tenant, stream, "toVersion=3&from=4")));
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), versions(page(tenant, stream, "toVersion=999")));
  }

  @Test
  void asOfReturnsTheEventsRecordedUpToThatTime() {
    String tenant = Api.createTenant();
    String stream = appendFive(tenant);
    List<JsonValue> all = page(tenant, stream, "").getJsonArray("events");
    String third = all.get(2).asJsonObject().getString("recordedAt");
    Instant before =
        Instant.parse(all.get(0).asJsonObject().getString("recordedAt")).minusMillis(1);

    assertEquals(List.of(1L, 2L, 3L), versions(page(tenant, stream, "asOf=" + enc(third))));
    assertEquals(
        List.of(3L, 2L, 1L),
        versions(page(tenant, stream, "direction=backward&asOf=" + enc(third))));
    assertEquals(List.of(), versions(page(tenant, stream, "asOf=" + enc(before.toString()))));
    assertEquals(
        List.of(1L, 2L, 3L, 4L, 5L),
        versions(page(tenant, stream, "asOf=" + enc(Instant.now().plusSeconds(60).toString()))));
    assertEquals(
        List.of(1L, 2L, 3L),
        versions(page(tenant, stream, "asOf=" + enc(third.replace("Z", "+00:00")))));
  }

  @Test
  void badTemporalParametersAreRefusedAndUnknownStreamsAreNotFound() {
    String tenant = Api.createTenant();
    String stream = appendFive(tenant);
    for (String query :
        List.of(
            "toVersion=-1",
            "toVersion=abc",
            "asOf=yesterday",
            "asOf=2026-11-30T10:00:00",
            "toVersion=2&asOf=" + enc("2026-11-30T10:00:00Z"))) {
      HttpResponse<String> r = read(tenant, stream, query);
      assertEquals(400, r.statusCode(), query + ": " + r.body());
      assertEquals(INVALID, Api.json(r).getString("type"), query);
    }
    for (String query : List.of("toVersion=1", "asOf=" + enc(Instant.now().toString()))) {
      HttpResponse<String> r = read(tenant, "no-such-stream", query);
      assertEquals(404, r.statusCode(), query + ": " + r.body());
      assertEquals("https://annals.dev/problems/not-found", Api.json(r).getString("type"), query);
    }
  }

  private static String appendFive(String tenant) {
    String stream = "temporal-" + UUID.randomUUID();
    for (int i = 1; i <= 5; i++) {
      var r =
          Api.post(
              "/api/tenants/" + tenant + "/streams/" + stream + "/events",
              appendBody(
                  i == 1 ? "\"no_stream\"" : String.valueOf(i - 1),
                  event(UUID.randomUUID(), "Step", "{\"n\":" + i + "}")));
      assertEquals(201, r.statusCode(), r.body());
    }
    return stream;
  }

  private static HttpResponse<String> read(String tenant, String stream, String query) {
    return Api.get("/api/tenants/" + tenant + "/streams/" + stream + "/events?" + query);
  }

  private static JsonObject page(String tenant, String stream, String query) {
    HttpResponse<String> r = read(tenant, stream, query);
    assertEquals(200, r.statusCode(), query + ": " + r.body());
    return Api.json(r);
  }

  private static List<Long> versions(JsonObject page) {
    return page.getJsonArray("events").stream()
        .map(e -> e.asJsonObject().getJsonNumber("version").longValue())
        .toList();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
