package dev.annals.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.annals.it.Api;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every response carries the security headers: Annals' own answers (created, read, problem) and
 * Liberty's (health, OpenAPI, a container 404 outside the API).
 */
class SecurityHeadersIT {

  private static void assertSecurityHeaders(HttpResponse<String> r) {
    String what = r.request().method() + " " + r.uri() + " -> " + r.statusCode();
    assertEquals("nosniff", header(r, "X-Content-Type-Options"), what);
    assertEquals("DENY", header(r, "X-Frame-Options"), what);
    assertEquals("frame-ancestors 'none'", header(r, "Content-Security-Policy"), what);
    assertEquals("no-referrer", header(r, "Referrer-Policy"), what);
    assertEquals("no-store", header(r, "Cache-Control"), what);
    assertFalse(r.headers().firstValue("X-Powered-By").isPresent(), what);
  }

  private static String header(HttpResponse<String> r, String name) {
    return r.headers().firstValue(name).orElse("(missing)");
  }

  @Test
  void annalsAnswersCarryThem() {
    String tenant = Api.createTenant();
    HttpResponse<String> created =
        Api.post(
            "/api/tenants/" + tenant + "/streams/s-1/events",
            Api.appendBody("\"no_stream\"", Api.event(UUID.randomUUID(), "Happened", "{\"n\":1}")));
    assertEquals(201, created.statusCode(), created.body());
    assertSecurityHeaders(created);

    HttpResponse<String> read = Api.get("/api/tenants/" + tenant + "/streams/s-1/events");
    assertEquals(200, read.statusCode(), read.body());
    assertSecurityHeaders(read);

    HttpResponse<String> problem = Api.get("/api/tenants/" + tenant + "/streams/none/events");
    assertEquals(404, problem.statusCode(), problem.body());
    assertSecurityHeaders(problem);
  }

  @Test
  void libertysOwnAnswersCarryThem() {
    for (String path : new String[] {"/health/live", "/openapi", "/no-such-page"}) {
      HttpResponse<String> r = Api.get(path);
      assertEquals(path.equals("/no-such-page") ? 404 : 200, r.statusCode(), path);
      assertSecurityHeaders(r);
    }
  }
}
