package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.Upcasts.LIFTED_TYPE;
import static dev.annals.it.eventstore.Upcasts.TYPE;
import static dev.annals.it.eventstore.Upcasts.V1;
import static dev.annals.it.eventstore.Upcasts.V1_LIFTED;
import static dev.annals.it.eventstore.Upcasts.event;
import static dev.annals.it.eventstore.Upcasts.events;
import static dev.annals.it.eventstore.Upcasts.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.handlers.ProbeBrokenUpcaster;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Upcasting on the read paths, in the suite's isolation mode: a Java upcaster chained with two
 * declarative ones on stream reads (also as of a version or a time), $all and correlation reads;
 * raw reads return what was stored; the stored rows never change; a failing upcaster marks the
 * event instead of failing the read.
 */
class UpcastingReadsIT {

  private static final String INVALID = "https://annals.dev/problems/invalid-request";

  @Test
  void aChainOfJavaAndDeclarativeUpcastersLiftsEveryReadPath() throws Exception {
    String tenant = Api.createTenant();
    Upcasts.registerChain(tenant);
    String stream = "order-" + UUID.randomUUID();
    String correlation = "corr-" + UUID.randomUUID();
    Upcasts.append(
        tenant,
        stream,
        correlation,
        event(TYPE, 1, V1),
        event(TYPE, 3, "{\"quantity\":1,\"currency\":\"USD\",\"street\":\"Elm\"}"),
        event(LIFTED_TYPE, 4, "{\"quantity\":5}"),
        event("Unrelated", 1, "{\"qty\":9}"));
    List<String> rowsBefore = Upcasts.storedRows(tenant);
    String s = "/api/tenants/" + tenant + "/streams/" + stream + "/events";

    List<JsonObject> read = events(Api.get(s));
    assertLifted(read);
    String third = read.get(2).getString("recordedAt");
    List<JsonObject> backward =
        new java.util.ArrayList<>(events(Api.get(s + "?direction=backward")));
    java.util.Collections.reverse(backward);
    assertLifted(backward);
    assertLifted(events(Api.get(s + "?toVersion=4")));
    assertEquals(2, events(Api.get(s + "?toVersion=2")).size());
    assertLifted(events(Api.get(s + "?toVersion=2")).subList(0, 2), 2);
    assertLifted(
        events(Api.get(s + "?asOf=" + URLEncoder.encode(third, StandardCharsets.UTF_8))), 4);
    assertLifted(events(Api.get("/api/tenants/" + tenant + "/events")));
    assertLifted(
        events(Api.get("/api/tenants/" + tenant + "/correlations/" + correlation + "/events")));

    for (String raw :
        List.of(
            s + "?raw=true",
            s + "?raw=true&toVersion=4",
            "/api/tenants/" + tenant + "/events?raw=true",
            "/api/tenants/" + tenant + "/correlations/" + correlation + "/events?raw=true")) {
      List<JsonObject> stored = events(Api.get(raw));
      assertEquals(TYPE, stored.get(0).getString("type"), raw);
      assertEquals(1, stored.get(0).getInt("schemaVersion"), raw);
      assertEquals(json(V1), stored.get(0).getJsonObject("data"), raw);
      assertEquals(TYPE, stored.get(1).getString("type"), raw);
      assertEquals(3, stored.get(1).getInt("schemaVersion"), raw);
    }
    assertEquals(rowsBefore, Upcasts.storedRows(tenant), "reads never rewrite a stored event");
    for (String bad : List.of(s + "?raw=yes", "/api/tenants/" + tenant + "/events?raw=1")) {
      HttpResponse<String> r = Api.get(bad);
      assertEquals(400, r.statusCode(), r.body());
      assertEquals(INVALID, Api.json(r).getString("type"));
      assertTrue(Api.json(r).getString("detail").contains("'raw'"), r.body());
    }
  }

  private static void assertLifted(List<JsonObject> events) {
    assertLifted(events, 4);
  }

  /** The first {@code n} of the stream's four events, as the chain lifts them. */
  private static void assertLifted(List<JsonObject> events, int n) {
    assertEquals(n, events.size(), events.toString());
    assertEquals(LIFTED_TYPE, events.get(0).getString("type"));
    assertEquals(4, events.get(0).getInt("schemaVersion"));
    assertEquals(V1_LIFTED, events.get(0).getJsonObject("data"));
    assertFalse(events.get(0).containsKey("upcastError"));
    assertEquals(LIFTED_TYPE, events.get(1).getString("type"));
    assertEquals(4, events.get(1).getInt("schemaVersion"));
    assertEquals(
        json("{\"quantity\":1,\"currency\":\"USD\",\"address\":{\"street\":\"Elm\"}}"),
        events.get(1).getJsonObject("data"));
    if (n > 2) {
      assertEquals(json("{\"quantity\":5}"), events.get(2).getJsonObject("data"));
      assertEquals(4, events.get(2).getInt("schemaVersion"));
      assertEquals("Unrelated", events.get(3).getString("type"));
      assertEquals(json("{\"qty\":9}"), events.get(3).getJsonObject("data"));
      assertEquals(1, events.get(3).getInt("schemaVersion"));
    }
  }

  @Test
  void aFailingUpcasterMarksItsEventAndTheReadGoesOn() throws Exception {
    String tenant = Api.createTenant();
    Upcasts.registerChain(tenant);
    assertEquals(
        200, Upcasts.put(tenant, "UpcastProbeText", 1, "[{\"remove\":\"/a\"}]").statusCode());
    String stream = "mixed-" + UUID.randomUUID();
    Upcasts.append(
        tenant,
        stream,
        "c-" + UUID.randomUUID(),
        event(ProbeBrokenUpcaster.TYPE, 1, "{\"n\":1}"),
        event("UpcastProbeText", 1, "\"just text\""),
        event(TYPE, 1, V1));
    List<String> rowsBefore = Upcasts.storedRows(tenant);
    for (String path :
        List.of(
            "/api/tenants/" + tenant + "/streams/" + stream + "/events",
            "/api/tenants/" + tenant + "/events")) {
      List<JsonObject> read = events(Api.get(path));
      JsonObject broken = read.get(0);
      assertEquals(ProbeBrokenUpcaster.TYPE, broken.getString("type"));
      assertEquals(1, broken.getInt("schemaVersion"));
      assertEquals(json("{\"n\":1}"), broken.getJsonObject("data"));
      assertTrue(
          broken.getString("upcastError").contains(ProbeBrokenUpcaster.MESSAGE), broken.toString());
      JsonObject text = read.get(1);
      assertEquals("just text", text.getString("data"));
      assertTrue(text.getString("upcastError").contains("string"), text.toString());
      assertEquals(V1_LIFTED, read.get(2).getJsonObject("data"), "the others are lifted");
      assertFalse(read.get(2).containsKey("upcastError"));
    }
    assertFalse(
        events(Api.get("/api/tenants/" + tenant + "/events?raw=true"))
            .get(0)
            .containsKey("upcastError"),
        "a raw read runs no upcaster");
    assertEquals(rowsBefore, Upcasts.storedRows(tenant));
  }

  @Test
  void anAppendStoresTheSchemaVersionGivenAndRefusesABadOne() {
    String tenant = Api.createTenant();
    String stream = "v-" + UUID.randomUUID();
    Upcasts.append(
        tenant, stream, "c-1", event("Plain", 7, "{}"), Api.event(UUID.randomUUID(), "Plain", "1"));
    List<JsonObject> read =
        events(Api.get("/api/tenants/" + tenant + "/streams/" + stream + "/events"));
    assertEquals(7, read.get(0).getInt("schemaVersion"));
    assertEquals(1, read.get(1).getInt("schemaVersion"), "the default");
    for (String bad : List.of("0", "-3", "\"2\"", "1.5", "4294967296")) {
      HttpResponse<String> r =
          Api.post(
              "/api/tenants/" + tenant + "/streams/" + stream + "/events",
              "{\"events\":[{\"type\":\"Plain\",\"data\":1,\"schemaVersion\":" + bad + "}]}");
      assertEquals(400, r.statusCode(), r.body());
      assertEquals(INVALID, Api.json(r).getString("type"));
      assertTrue(Api.json(r).getString("detail").startsWith("events[0].schemaVersion"), r.body());
    }
    assertEquals(
        2, events(Api.get("/api/tenants/" + tenant + "/streams/" + stream + "/events")).size());
  }
}
