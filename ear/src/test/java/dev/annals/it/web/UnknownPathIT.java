package dev.annals.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A path no resource starts with is answered by the API's entry filter, before the JAX-RS runtime
 * matches it; a path below a resource is still matched by the runtime. Both must answer alike, and
 * only after authentication.
 */
class UnknownPathIT {

  /** Answered by the entry filter: no resource starts with this segment. */
  private static final String OUTSIDE = "/api/no-such-thing";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
  void anUnknownPathIsTheRuntimesOwn404Problem(String method) {
    String tenant = Api.createTenant();
    HttpResponse<String> outside =
        Api.call(method, OUTSIDE, null, Tokens.platformAdmin(), "X-Correlation-Id", "corr-out-1");
    HttpResponse<String> below =
        Api.call(
            method,
            "/api/tenants/" + tenant + "/no-such-thing",
            null,
            Tokens.platformAdmin(),
            "X-Correlation-Id",
            "corr-below-1");

    assertEquals(404, outside.statusCode(), outside.body());
    assertEquals(404, below.statusCode(), below.body());
    assertEquals(
        "{\"type\":\"https://annals.dev/problems/http-404\",\"title\":\"Not Found\","
            + "\"status\":404,\"detail\":\"No resource at this path\","
            + "\"instance\":\"/api/no-such-thing\",\"correlationId\":\"corr-out-1\"}",
        outside.body());
    JsonObject b = Api.json(below);
    assertEquals("https://annals.dev/problems/http-404", b.getString("type"));
    assertEquals("Not Found", b.getString("title"));
    assertEquals("No resource at this path", b.getString("detail"));
    assertEquals("corr-below-1", b.getString("correlationId"));
    assertEquals(headersBut(below), headersBut(outside));
    assertEquals("corr-out-1", outside.headers().firstValue("X-Correlation-Id").orElse(""));
  }

  @Test
  void headOfAnUnknownPathAnswersAsBelowAResource() {
    String tenant = Api.createTenant();
    HttpResponse<String> outside = Api.call("HEAD", OUTSIDE, null, Tokens.platformAdmin());
    HttpResponse<String> below =
        Api.call("HEAD", "/api/tenants/" + tenant + "/no-such-thing", null, Tokens.platformAdmin());
    assertEquals(404, outside.statusCode());
    assertEquals(below.statusCode(), outside.statusCode());
    assertEquals("", outside.body());
  }

  @Test
  void anUnknownPathWithoutATokenIs401() {
    HttpResponse<String> r = Api.call("GET", OUTSIDE, null, null);
    assertEquals(401, r.statusCode(), r.body());
    assertEquals("https://annals.dev/problems/unauthenticated", Api.json(r).getString("type"));
    assertTrue(r.headers().firstValue("WWW-Authenticate").isPresent());
    assertTrue(r.headers().firstValue("X-Correlation-Id").isPresent());
  }

  @Test
  void aKnownPathWithAnotherMethodIsStill405() {
    String tenant = Api.createTenant();
    HttpResponse<String> r =
        Api.call(
            "PUT", "/api/tenants/" + tenant + "/streams/s-1/events", "{}", Tokens.platformAdmin());
    assertEquals(405, r.statusCode(), r.body());
    assertEquals("https://annals.dev/problems/http-405", Api.json(r).getString("type"));
    String allow = r.headers().firstValue("Allow").orElse("");
    assertTrue(allow.contains("GET") && allow.contains("POST"), allow);
  }

  @Test
  void everyRootStillReachesItsResources() {
    for (String path : List.of("/api/tenants", "/api/database-servers", "/api/audit")) {
      HttpResponse<String> r = Api.get(path);
      assertEquals(200, r.statusCode(), path + ": " + r.body());
    }
    HttpResponse<String> tokens = Api.post("/api/tokens", "{}");
    assertFalse(tokens.statusCode() == 404, tokens.body());
  }

  /** The response's headers, without those that differ between two requests. */
  private static Map<String, List<String>> headersBut(HttpResponse<String> r) {
    Map<String, List<String>> h = new TreeMap<>(r.headers().map());
    h.keySet().removeAll(List.of("content-length", "date", "x-correlation-id"));
    return h;
  }
}
