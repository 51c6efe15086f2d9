package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The projection endpoints as the projection tests use them, and the counts they compare with. */
final class ProjectionsApi {

  private ProjectionsApi() {}

  /**
   * What a projection built from scratch would hold: the tenant's events counted in the database,
   * up to a checkpoint (all of them when empty).
   *
   * @param byType events per type
   * @param streams streams begun (a stream's first event) up to the checkpoint
   * @param last the latest recording time among them
   */
  record Fresh(Map<String, Long> byType, long streams, Optional<Instant> last) {
    long events() {
      return byType.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  static JsonObject statistics(String tenant) {
    HttpResponse<String> r = Api.get("/api/tenants/" + tenant);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getJsonObject("statistics");
  }

  static JsonObject projection(String tenant, String name) {
    HttpResponse<String> r = Api.get("/api/tenants/" + tenant + "/projections/" + name);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  /** Waits until the statistics count {@code events} events, with no rebuild under way. */
  static JsonObject awaitStatistics(String tenant, long events) {
    await(
        "no rebuild of the statistics",
        () -> projection(tenant, "statistics"),
        p -> !p.containsKey("rebuild"));
    return await(
        events + " events counted",
        () -> statistics(tenant),
        s -> s.getJsonNumber("events").longValue() == events);
  }

  /** Appends {@code n} events of {@code type} to {@code stream} in one append. */
  static void append(String tenant, String stream, String type, int n) {
    String[] events = new String[n];
    for (int i = 0; i < n; i++) {
      events[i] = Api.event(UUID.randomUUID(), type, "{\"i\":" + i + "}");
    }
    HttpResponse<String> r =
        await(
            "an append",
            () ->
                Api.post(
                    "/api/tenants/" + tenant + "/streams/" + stream + "/events",
                    Api.appendBody("\"any\"", events)),
            x -> x.statusCode() != 503); // fenced by a move: retried
    assertEquals(201, r.statusCode(), r.body());
  }

  /** The tenant's events counted in the database, up to {@code checkpoint} ("tx-pos") if given. */
  static Fresh fresh(String tenant, Optional<String> checkpoint) throws Exception {
    String upTo =
        checkpoint.isPresent() ? " AND (transaction_id, global_position) <= (?::xid8, ?)" : "";
    try (Connection c = Db.ownerOf(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT event_type, count(*), count(*) FILTER (WHERE stream_version = 1),"
                    + " max(recorded_at) FROM events WHERE tenant_id = ?"
                    + upTo
                    + " GROUP BY event_type")) {
      ps.setString(1, tenant);
      if (checkpoint.isPresent()) {
        String[] parts = checkpoint.get().split("-");
        ps.setString(2, parts[0]);
        ps.setLong(3, Long.parseLong(parts[1]));
      }
      Map<String, Long> byType = new TreeMap<>();
      long streams = 0;
      Instant last = null;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byType.put(rs.getString(1), rs.getLong(2));
          streams += rs.getLong(3);
          Instant at = rs.getObject(4, OffsetDateTime.class).toInstant();
          last = last == null || at.isAfter(last) ? at : last;
        }
      }
      return new Fresh(byType, streams, Optional.ofNullable(last));
    }
  }

  /** Asserts that {@code statistics} hold exactly what {@code fresh} counted. */
  static void assertMatches(Fresh fresh, JsonObject statistics) {
    Map<String, Long> byType = new TreeMap<>();
    statistics
        .getJsonObject("eventsByType")
        .forEach((type, n) -> byType.put(type, ((jakarta.json.JsonNumber) n).longValue()));
    assertEquals(fresh.byType(), byType, statistics.toString());
    assertEquals(fresh.events(), statistics.getJsonNumber("events").longValue());
    assertEquals(fresh.streams(), statistics.getJsonNumber("streams").longValue());
    assertEquals(
        fresh.last(),
        Optional.ofNullable(statistics.getString("lastEventAt", null)).map(Instant::parse),
        statistics.toString());
  }
}
