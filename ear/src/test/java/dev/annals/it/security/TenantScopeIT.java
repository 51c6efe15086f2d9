package dev.annals.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A token is bound to its tenants: what it learnt in tenant A ($all checkpoints, event ids) opens
 * nothing in tenant B, which answers exactly as a tenant that does not exist. And every appended
 * event records the token's subject as its principal, whatever the caller's metadata says.
 */
class TenantScopeIT {

  @Test
  void appendedEventsRecordTheTokensSubjectAsPrincipal() {
    String tenant = Api.createTenant();
    String subject = "it-writer-" + UUID.randomUUID();
    String writer = Tokens.of(subject, List.of("writer"), List.of(tenant));
    String event =
        "{\"eventId\":\""
            + UUID.randomUUID()
            + "\",\"type\":\"Signed\",\"data\":{},\"metadata\":{\"principal\":\"mallory\"}}";
    HttpResponse<String> appended =
        Api.call(
            "POST",
            "/api/tenants/" + tenant + "/streams/signed/events",
            Api.appendBody("\"no_stream\"", event),
            writer);
    assertEquals(201, appended.statusCode(), appended.body());

    String reader = Tokens.of("it-reader", List.of("reader"), List.of(tenant));
    HttpResponse<String> read =
        Api.call("GET", "/api/tenants/" + tenant + "/streams/signed/events", null, reader);
    assertEquals(200, read.statusCode(), read.body());
    JsonObject metadata =
        Api.json(read).getJsonArray("events").getJsonObject(0).getJsonObject("metadata");
    assertEquals(subject, metadata.getString("principal"));
  }

  @Test
  void checkpointsAndEventIdsFromTenantAOpenNothingInTenantB() {
    String a = Api.createTenant();
    String b = Api.createTenant();
    String missing = Api.newTenantId();
    String tokenA = Tokens.of("it-a", List.of("reader", "writer"), List.of(a));
    UUID id = UUID.randomUUID();
    String body = Api.appendBody("\"any\"", Api.event(id, "InA", "{}"));
    assertEquals(
        201,
        Api.call("POST", "/api/tenants/" + a + "/streams/s/events", body, tokenA).statusCode());
    String checkpoint =
        Api.json(Api.call("GET", "/api/tenants/" + a + "/events", null, tokenA))
            .getString("checkpoint");

    for (String path :
        List.of(
            "/api/tenants/%s/events?after=" + checkpoint,
            "/api/tenants/%s/streams/s/events",
            "/api/tenants/%s/streams/s")) {
      assertSameAsMissing(
          Api.call("GET", path.formatted(b), null, tokenA),
          b,
          Api.call("GET", path.formatted(missing), null, Tokens.platformAdmin()),
          missing);
    }
    assertSameAsMissing(
        Api.call("POST", "/api/tenants/" + b + "/streams/s/events", body, tokenA),
        b,
        Api.call(
            "POST", "/api/tenants/" + missing + "/streams/s/events", body, Tokens.platformAdmin()),
        missing);
  }

  private static void assertSameAsMissing(
      HttpResponse<String> refused, String tenant, HttpResponse<String> unknown, String missing) {
    assertEquals(404, refused.statusCode(), refused.body());
    assertEquals(404, unknown.statusCode(), unknown.body());
    JsonObject r = Api.json(refused);
    JsonObject u = Api.json(unknown);
    assertEquals(u.keySet(), r.keySet());
    assertEquals(u.getString("type"), r.getString("type"));
    assertEquals(u.getString("title"), r.getString("title"));
    assertEquals(
        u.getString("detail").replace(missing, "T"), r.getString("detail").replace(tenant, "T"));
  }
}
