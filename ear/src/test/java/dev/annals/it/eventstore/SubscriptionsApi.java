package dev.annals.it.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The subscription endpoints as the delivery tests use them, and waiting with a deadline. */
public final class SubscriptionsApi {

  /** Longest wait for a delivery condition (leases and scans take seconds, not minutes). */
  public static final Duration PATIENCE = Duration.ofSeconds(60);

  private SubscriptionsApi() {}

  /** Creates a subscription and returns the 201's body. */
  public static JsonObject create(String tenant, String body) {
    HttpResponse<String> r = Api.post("/api/tenants/" + tenant + "/subscriptions", body);
    assertEquals(201, r.statusCode(), r.body());
    return Api.json(r);
  }

  /** A handler subscription of the test handler on streams starting with {@code prefix}. */
  public static String handlerBody(String name, String prefix, String start) {
    return "{\"name\":\""
        + name
        + "\",\"filter\":{\"streamPrefix\":\""
        + prefix
        + "\"},\"start\":\""
        + start
        + "\",\"target\":{\"handler\":\"it-effects\"}}";
  }

  /**
   * A webhook subscription from the beginning on streams starting with {@code prefix}, posting to
   * {@code url}.
   */
  public static String webhookBody(String name, String prefix, String url) {
    return "{\"name\":\""
        + name
        + "\",\"filter\":{\"streamPrefix\":\""
        + prefix
        + "\"},\"start\":\"beginning\",\"target\":{\"webhook\":{\"url\":\""
        + url
        + "\"}}}";
  }

  /** Every dead letter of a consumer (up to 1,000), by id. */
  public static List<JsonObject> deadLetters(String tenant, String consumer) {
    HttpResponse<String> r =
        Api.get("/api/tenants/" + tenant + "/dead-letters?consumer=" + consumer + "&limit=1000");
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getJsonArray("deadLetters").stream().map(JsonValue::asJsonObject).toList();
  }

  public static JsonObject get(String tenant, String name) {
    HttpResponse<String> r = Api.get("/api/tenants/" + tenant + "/subscriptions/" + name);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  public static JsonObject post(String tenant, String name, String action, String body) {
    String path = "/api/tenants/" + tenant + "/subscriptions/" + name + "/" + action;
    HttpResponse<String> r = body == null ? Api.post(path, null, "") : Api.post(path, body);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  /** Appends one event of {@code type} with {@code data}; returns its id. */
  public static String append(String tenant, String stream, String type, String data) {
    UUID id = UUID.randomUUID();
    HttpResponse<String> r =
        Api.post(
            "/api/tenants/" + tenant + "/streams/" + stream + "/events",
            Api.appendBody("\"any\"", Api.event(id, type, data)));
    assertEquals(201, r.statusCode(), r.body());
    return id.toString();
  }

  /** Every event of a stream (empty when it does not exist), oldest first. */
  public static List<JsonObject> stream(String tenant, String stream) {
    List<JsonObject> all = new ArrayList<>();
    long from = 1;
    while (true) {
      HttpResponse<String> r =
          Api.get(
              "/api/tenants/"
                  + tenant
                  + "/streams/"
                  + stream
                  + "/events?from="
                  + from
                  + "&limit=500");
      if (r.statusCode() == 404) {
        return all;
      }
      assertEquals(200, r.statusCode(), r.body());
      JsonObject page = Api.json(r);
      page.getJsonArray("events").forEach(e -> all.add(e.asJsonObject()));
      JsonValue next = page.get("next");
      if (next == null || next.getValueType() == JsonValue.ValueType.NULL) {
        return all;
      }
      from = page.getJsonNumber("next").longValue();
    }
  }

  /** The source event ids of the test handler's effects for subscription {@code name}. */
  public static List<String> effectSources(String tenant, String name) {
    return stream(tenant, "effects-" + name).stream()
        .map(e -> e.getJsonObject("data").getString("source"))
        .toList();
  }

  /** Polls {@code value} until {@code done} holds, failing with the last value at the deadline. */
  public static <T> T await(String what, Supplier<T> value, Predicate<T> done) {
    Instant deadline = Instant.now().plus(PATIENCE);
    T last = value.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("gave up waiting for " + what + "; last seen: " + last);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
      last = value.get();
    }
    return last;
  }

  /** The ids of the tenant's events in streams "orders-…", in $all order, read as the owner. */
  public static List<String> orderIds(String tenant) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = Db.ownerOf(tenant);
        var ps =
            c.prepareStatement(
                "SELECT event_id::text FROM events WHERE tenant_id = ?"
                    + " AND stream_id LIKE 'orders-%' ORDER BY transaction_id, global_position")) {
      ps.setString(1, tenant);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  /** An event's checkpoint as the API shows it. */
  public static String checkpointOf(String tenant, String eventId) {
    try (Connection c = Db.ownerOf(tenant);
        var ps =
            c.prepareStatement(
                "SELECT transaction_id::text || '-' || global_position FROM events"
                    + " WHERE tenant_id = ? AND event_id = ?::uuid")) {
      ps.setString(1, tenant);
      ps.setString(2, eventId);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** Where the suite's tenants move to: always another mode. */
  private static final Map<String, String> MOVE_TARGET =
      Map.of("shared", "schema", "schema", "database", "database", "shared");

  /** Starts moving the tenant to another isolation mode than the suite's (202); returns it. */
  public static String moveToAnotherMode(String tenant) {
    String to = MOVE_TARGET.get(Api.defaultIsolation());
    HttpResponse<String> move =
        Api.post("/api/tenants/" + tenant + "/move", "{\"isolation\":\"" + to + "\"}");
    assertEquals(202, move.statusCode(), move.body());
    return to;
  }

  /** Waits for the tenant's move to end, and checks it ended done, in {@code to}. */
  public static void awaitMoved(String tenant, String to) {
    JsonObject moved =
        await(
            "the move's end",
            () -> Api.json(Api.get("/api/tenants/" + tenant)),
            v ->
                v.containsKey("move")
                    && List.of("done", "failed")
                        .contains(v.getJsonObject("move").getString("phase"))
                    && !v.getString("state").equals("moving"));
    assertEquals("done", moved.getJsonObject("move").getString("phase"), moved.toString());
    assertEquals(to, moved.getString("isolation"));
  }

  /**
   * Appends {@code n} events to {@code stream} one by one, each resent with the same id while it
   * answers 503 (a tenant fenced by its move); adds their ids to {@code into}.
   */
  public static void appendRetrying(String tenant, String stream, List<String> into, int n) {
    for (int i = 0; i < n; i++) {
      UUID id = UUID.randomUUID();
      String body = Api.appendBody("\"any\"", Api.event(id, "Placed", "{}"));
      HttpResponse<String> r =
          await(
              "an append",
              () -> Api.post("/api/tenants/" + tenant + "/streams/" + stream + "/events", body),
              x -> x.statusCode() != 503);
      assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.body()); // 200: a resend
      into.add(id.toString());
    }
  }
}
