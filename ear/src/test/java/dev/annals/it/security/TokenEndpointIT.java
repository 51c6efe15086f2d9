package dev.annals.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The development issuer's {@code POST /api/tokens} (on in the test server): a platform admin mints
 * tokens that work for exactly their roles, tenants and lifetime; bad requests get a 400 problem.
 */
class TokenEndpointIT {

  @Test
  void mintedTokenCarriesItsSubjectRolesTenantsAndLifetime() {
    String tenant = Api.createTenant();
    Instant before = Instant.now();
    HttpResponse<String> r =
        Api.post(
            "/api/tokens",
            "{\"subject\":\"minted-writer\",\"roles\":[\"writer\"],\"tenants\":[\""
                + tenant
                + "\"],\"ttlSeconds\":300}");
    assertEquals(201, r.statusCode(), r.body());
    JsonObject minted = Api.json(r);
    Instant expires = Instant.parse(minted.getString("expiresAt"));
    assertTrue(
        !expires.isBefore(before.plusSeconds(299)) && expires.isBefore(before.plusSeconds(330)),
        "expiresAt " + expires);
    String token = minted.getString("token");

    HttpResponse<String> appended =
        Api.call(
            "POST",
            "/api/tenants/" + tenant + "/streams/minted/events",
            Api.appendBody("\"any\"", Api.event(java.util.UUID.randomUUID(), "Minted", "{}")),
            token);
    assertEquals(201, appended.statusCode(), appended.body());
    assertEquals(
        403, Api.call("GET", "/api/tenants/" + tenant + "/events", null, token).statusCode());
    String principal =
        Api.json(Api.get("/api/tenants/" + tenant + "/streams/minted/events"))
            .getJsonArray("events")
            .getJsonObject(0)
            .getJsonObject("metadata")
            .getString("principal");
    assertEquals("minted-writer", principal);
  }

  @Test
  void badRequestsAreRefusedWithAProblem() {
    for (String body :
        List.of(
            "{\"subject\":\"x\",\"roles\":[\"superuser\"]}",
            "{\"subject\":\"x\",\"roles\":[\"reader\"],\"ttlSeconds\":5}",
            "{\"subject\":\"x\",\"roles\":[\"reader\"],\"ttlSeconds\":99999999}",
            "{\"subject\":\"x\",\"roles\":[\"reader\"],\"tenants\":[\"NOT VALID\"]}",
            "{\"roles\":[\"reader\"]}",
            "not json")) {
      HttpResponse<String> r = Api.post("/api/tokens", body);
      assertEquals(400, r.statusCode(), body + " -> " + r.body());
      assertEquals(
          "https://annals.dev/problems/invalid-request", Api.json(r).getString("type"), body);
    }
  }

  @Test
  void onlyPlatformAdminsMintTokens() {
    String tenant = Api.createTenant();
    String tenantAdmin = Tokens.of("ta", List.of("tenant-admin"), List.of(tenant));
    HttpResponse<String> r =
        Api.call(
            "POST",
            "/api/tokens",
            "{\"subject\":\"escalated\",\"roles\":[\"platform-admin\"],\"tenants\":[\"*\"]}",
            tenantAdmin);
    assertEquals(403, r.statusCode(), r.body());
  }
}
