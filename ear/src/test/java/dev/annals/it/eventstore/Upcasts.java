package dev.annals.it.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import dev.annals.it.handlers.ProbeOrderedUpcaster;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The upcasting ITs' shared chain: {@value ProbeOrderedUpcaster#TYPE} 1→2 is the test library's
 * Java upcaster ({@code qty} → {@code quantity}); {@link #registerChain} adds two declarative ones
 * in the tenant, 2→3 (add {@code currency}, remove {@code legacy}) and 3→4 (move {@code street}
 * under {@code address}, rename the type to {@value #LIFTED_TYPE}).
 */
final class Upcasts {

  static final String TYPE = ProbeOrderedUpcaster.TYPE;
  static final String LIFTED_TYPE = "UpcastProbeOrderPlaced";

  /** A version 1 payload, and what the chain makes of it. */
  static final String V1 = "{\"qty\":2,\"street\":\"Main\",\"legacy\":true}";

  static final JsonObject V1_LIFTED =
      json("{\"quantity\":2,\"currency\":\"EUR\",\"address\":{\"street\":\"Main\"}}");

  private Upcasts() {}

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  static String base(String tenant) {
    return "/api/tenants/" + tenant + "/upcasters";
  }

  static HttpResponse<String> put(String tenant, String type, int from, String operations) {
    return Api.put(base(tenant) + "/" + type + "/" + from, "{\"operations\":" + operations + "}");
  }

  static void registerChain(String tenant) {
    HttpResponse<String> two =
        put(
            tenant,
            TYPE,
            2,
            "[{\"add\":{\"path\":\"/currency\",\"value\":\"EUR\"}},{\"remove\":\"/legacy\"}]");
    assertEquals(200, two.statusCode(), two.body());
    HttpResponse<String> three =
        put(
            tenant,
            TYPE,
            3,
            "[{\"move\":{\"from\":\"/street\",\"to\":\"/address/street\"}},"
                + "{\"renameType\":\""
                + LIFTED_TYPE
                + "\"}]");
    assertEquals(200, three.statusCode(), three.body());
  }

  /** An event with an explicit schema version, as append JSON. */
  static String event(String type, int schemaVersion, String data) {
    return "{\"eventId\":\""
        + UUID.randomUUID()
        + "\",\"type\":\""
        + type
        + "\",\"schemaVersion\":"
        + schemaVersion
        + ",\"data\":"
        + data
        + "}";
  }

  /** Appends events (JSON) to a stream, with a correlation id. */
  static void append(String tenant, String stream, String correlationId, String... events) {
    HttpResponse<String> r =
        Api.post(
            "/api/tenants/" + tenant + "/streams/" + stream + "/events",
            "application/json",
            Api.appendBody("\"any\"", events),
            "X-Correlation-Id",
            correlationId);
    assertEquals(201, r.statusCode(), r.body());
  }

  /** The events of a read's page. */
  static List<JsonObject> events(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    List<JsonObject> out = new ArrayList<>();
    for (JsonValue v : Api.json(r).getJsonArray("events")) {
      out.add(v.asJsonObject());
    }
    return out;
  }

  /**
   * The tenant's stored events as the database has them: every column an upcaster could touch, as
   * text, in $all order, read as the owner.
   */
  static List<String> storedRows(String tenant) throws Exception {
    return Db.tenantColumn(
        tenant,
        "SELECT event_id::text || '|' || event_type || '|' || schema_version || '|'"
            + " || data::text || '|' || metadata::text FROM events WHERE tenant_id = ?"
            + " ORDER BY transaction_id, global_position",
        tenant);
  }
}
