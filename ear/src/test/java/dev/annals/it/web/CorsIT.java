package dev.annals.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Cross-origin requests: the test server allows exactly one origin (it.xml); every other origin
 * gets no CORS header, and its preflight a 403 problem.
 */
class CorsIT {

  private static final String ALLOWED = "https://console.example.test";
  private static final String OTHER = "https://evil.example.test";

  @Test
  void aListedOriginsPreflightIsAnsweredBeforeAuthentication() {
    String tenant = Api.createTenant();
    HttpResponse<String> r =
        Api.options(
            "/api/tenants/" + tenant + "/streams/s/events",
            "Origin",
            ALLOWED,
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "authorization, content-type");
    assertEquals(204, r.statusCode(), r.body());
    assertEquals(ALLOWED, r.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    String headers = r.headers().firstValue("Access-Control-Allow-Headers").orElse("");
    assertTrue(headers.contains("Authorization") && headers.contains("Content-Type"), headers);
    assertTrue(r.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
    assertFalse(r.headers().firstValue("Access-Control-Allow-Credentials").isPresent());
  }

  @Test
  void anUnlistedOriginsPreflightIsRefusedWithAProblem() {
    HttpResponse<String> r =
        Api.options("/api/tenants", "Origin", OTHER, "Access-Control-Request-Method", "POST");
    assertEquals(403, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals("https://annals.dev/problems/origin-not-allowed", Api.json(r).getString("type"));
    assertFalse(r.headers().firstValue("Access-Control-Allow-Origin").isPresent());
  }

  @Test
  void actualRequestsCarryTheHeaderOnlyForTheListedOrigin() {
    String tenant = Api.createTenant();
    String path = "/api/tenants/" + tenant;
    HttpResponse<String> listed = Api.get(path, "Origin", ALLOWED);
    assertEquals(200, listed.statusCode(), listed.body());
    assertEquals(ALLOWED, listed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertTrue(
        listed
            .headers()
            .firstValue("Access-Control-Expose-Headers")
            .orElse("")
            .contains("X-Correlation-Id"));

    HttpResponse<String> other = Api.get(path, "Origin", OTHER);
    assertEquals(200, other.statusCode(), other.body());
    assertFalse(other.headers().firstValue("Access-Control-Allow-Origin").isPresent());

    HttpResponse<String> none = Api.get(path);
    assertFalse(none.headers().firstValue("Access-Control-Allow-Origin").isPresent());
  }
}
