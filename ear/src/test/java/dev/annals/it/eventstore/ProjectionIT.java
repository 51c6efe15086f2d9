package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.ProjectionsApi.append;
import static dev.annals.it.eventstore.ProjectionsApi.assertMatches;
import static dev.annals.it.eventstore.ProjectionsApi.awaitStatistics;
import static dev.annals.it.eventstore.ProjectionsApi.fresh;
import static dev.annals.it.eventstore.ProjectionsApi.projection;
import static dev.annals.it.eventstore.ProjectionsApi.statistics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The statistics projection every tenant has: exact per-type counts, streams and the last event's
 * time as of its checkpoint, shown by the tenant's details; and its blue/green rebuild, which under
 * concurrent appends ends equal to a count from scratch while reads keep answering from the old
 * generation. The test server applies 10 events per projection batch, so a rebuild of a few
 * thousand events takes hundreds of transactions and can be watched.
 */
class ProjectionIT {

  @Test
  void statisticsCountEveryStreamAndTypeAndTheTenantShowsThem() throws Exception {
    String tenant = Api.createTenant();
    JsonObject empty = statistics(tenant);
    assertEquals(0, empty.getJsonNumber("events").longValue(), empty.toString());
    assertEquals("0-0", empty.getString("checkpoint"));

    append(tenant, "order-1", "Placed", 3);
    append(tenant, "order-1", "Paid", 1);
    append(tenant, "order-2", "Placed", 2);
    append(tenant, "invoice-1", "Issued", 4);
    append(tenant, "order-2", "Paid", 2);

    JsonObject counted = awaitStatistics(tenant, 12);
    assertEquals(Map.of("Issued", 4L, "Paid", 3L, "Placed", 5L), byType(counted));
    assertEquals(3, counted.getJsonNumber("streams").longValue());
    assertMatches(fresh(tenant, Optional.empty()), counted);
    assertEquals(1, counted.getInt("generation"));
    assertEquals(lastCheckpoint(tenant), counted.getString("checkpoint"));

    JsonObject details = Api.json(Api.get("/api/tenants/" + tenant));
    assertEquals(12, details.getJsonNumber("events").longValue(), "the exact counters agree");
    assertEquals(3, details.getJsonNumber("streams").longValue());

    JsonObject shown = projection(tenant, "statistics");
    assertEquals(counted.getString("checkpoint"), shown.getString("checkpoint"));
    assertEquals(0, shown.getJsonNumber("lagEvents").longValue());
    assertEquals("live", shown.getString("state"));
    JsonObject list = Api.json(Api.get("/api/tenants/" + tenant + "/projections"));
    assertEquals(List.of("statistics"), names(list));
    assertEquals(
        0,
        Api.json(Api.get("/api/tenants/" + tenant + "/subscriptions"))
            .getJsonArray("subscriptions")
            .size(),
        "a projection's generations are not listed as subscriptions");
  }

  @Test
  void rebuildUnderLiveWritesEndsEqualToACountFromScratch() throws Exception {
    String tenant = Api.createTenant();
    for (int i = 0; i < 20; i++) {
      append(tenant, "load-" + (i % 7), i % 3 == 0 ? "Started" : "Moved", 100);
    }
    awaitStatistics(tenant, 2000);

    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<?> writes =
          writer.submit(
              () -> {
                for (int i = 0; i < 60; i++) {
                  append(tenant, "live-" + (i % 5), i % 2 == 0 ? "Moved" : "Stopped", 5);
                }
              });
      HttpResponse<String> started =
          Api.post("/api/tenants/" + tenant + "/projections/statistics/rebuild", null, "");
      assertEquals(202, started.statusCode(), started.body());
      JsonObject accepted = Api.json(started);
      assertEquals(1, accepted.getInt("generation"), accepted.toString());
      JsonObject rebuild = accepted.getJsonObject("rebuild");
      assertEquals(2, rebuild.getInt("generation"));
      assertTrue(rebuild.getJsonNumber("eventsTotal").longValue() >= 2000, rebuild.toString());

      HttpResponse<String> again =
          Api.post("/api/tenants/" + tenant + "/projections/statistics/rebuild", null, "");
      assertEquals(409, again.statusCode(), again.body());
      assertEquals(
          "https://annals.dev/problems/rebuild-running", Api.json(again).getString("type"));

      int watched = 0;
      while (true) {
        JsonObject read = statistics(tenant);
        JsonObject shown = projection(tenant, "statistics");
        if (!shown.containsKey("rebuild")) {
          break;
        }
        // The rebuild still ran after the read: the read came from the old generation, exactly.
        assertEquals(1, read.getInt("generation"), read.toString());
        JsonObject progress = shown.getJsonObject("rebuild");
        long done = progress.getJsonNumber("eventsDone").longValue();
        long total = progress.getJsonNumber("eventsTotal").longValue();
        assertTrue(done >= 0 && done <= total, progress.toString());
        assertTrue(total >= 2000 && total <= 2300, progress.toString());
        assertTrue(progress.getJsonNumber("eventsPerSecond").doubleValue() >= 0);
        if (progress.containsKey("etaSeconds")) {
          assertTrue(progress.getJsonNumber("etaSeconds").doubleValue() >= 0);
        }
        if (watched++ % 10 == 0) {
          assertMatches(fresh(tenant, Optional.of(read.getString("checkpoint"))), read);
        }
      }
      assertTrue(watched > 0, "the rebuild was seen under way");
      writes.get();
    } finally {
      writer.shutdownNow();
    }

    JsonObject end = awaitStatistics(tenant, 2300);
    assertEquals(2, end.getInt("generation"), end.toString());
    assertMatches(fresh(tenant, Optional.empty()), end);
    assertEquals(lastCheckpoint(tenant), end.getString("checkpoint"));
    JsonObject shown = projection(tenant, "statistics");
    assertEquals(2, shown.getInt("generation"));
    assertTrue(shown.containsKey("lastRebuildFinishedAt"), shown.toString());
    assertEquals(
        List.of("projection.rebuild-started"),
        Db.platformColumn(
            "SELECT action FROM annals.audit_records WHERE chain = 'tenant:' || ?"
                + " AND target = 'statistics' ORDER BY seq",
            tenant));
  }

  @Test
  void refusalsNameTheProblem() {
    String tenant = Api.createTenant();
    String base = "/api/tenants/" + tenant + "/projections/";
    HttpResponse<String> unknown = Api.get(base + "no_such_projection");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertEquals("https://annals.dev/problems/not-found", Api.json(unknown).getString("type"));
    HttpResponse<String> invalid = Api.post(base + "Not-A-Name/rebuild", null, "");
    assertEquals(400, invalid.statusCode(), invalid.body());
    HttpResponse<String> reserved =
        Api.post(
            "/api/tenants/" + tenant + "/subscriptions/projection-statistics-1/reset",
            "{\"to\":\"beginning\"}");
    assertEquals(400, reserved.statusCode(), reserved.body());
    HttpResponse<String> handler =
        Api.post(
            "/api/tenants/" + tenant + "/subscriptions",
            "{\"name\":\"steal\",\"start\":\"beginning\",\"target\":{\"handler\":\"projections\"}}");
    assertEquals(400, handler.statusCode(), handler.body());
    assertEquals(1, statistics(tenant).getInt("generation"), "nothing changed");
  }

  private static Map<String, Long> byType(JsonObject statistics) {
    Map<String, Long> m = new java.util.TreeMap<>();
    statistics
        .getJsonObject("eventsByType")
        .forEach((k, v) -> m.put(k, ((jakarta.json.JsonNumber) v).longValue()));
    return m;
  }

  private static List<String> names(JsonObject list) {
    return list.getJsonArray("projections").getValuesAs(JsonObject.class).stream()
        .map(p -> p.getString("name"))
        .toList();
  }

  /** The checkpoint of the tenant's last event in $all. */
  private static String lastCheckpoint(String tenant) throws Exception {
    try (var c = Db.ownerOf(tenant);
        var ps =
            c.prepareStatement(
                "SELECT transaction_id::text || '-' || global_position FROM events"
                    + " WHERE tenant_id = ? ORDER BY transaction_id DESC, global_position DESC"
                    + " LIMIT 1")) {
      ps.setString(1, tenant);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
