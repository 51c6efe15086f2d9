package dev.annals.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.PlainJWT;
import dev.annals.devservices.DevIssuer;
import dev.annals.it.Api;
import dev.annals.it.ItServer;
import dev.annals.it.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liberty's own endpoints: {@code /metrics} and {@code /openapi/ui} need a platform admin (and
 * /metrics also takes the scrape role the test server configures, {@code metrics-reader}), answer
 * 401 and 403 as problem documents over plain HTTP; {@code /openapi} and {@code /health} stay open.
 */
class ManagementEndpointsIT {

  private static final String UNAUTHENTICATED = "https://annals.dev/problems/unauthenticated";
  private static final String FORBIDDEN = "https://annals.dev/problems/forbidden";
  private static final String SCRAPE_ROLE = "metrics-reader";

  private static String tenant;

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    ItServer.awaitReady(Duration.ofMinutes(2));
    tenant = Api.createTenant();
  }

  private static String reader() {
    return Tokens.of("it-reader", List.of("reader"), List.of(tenant));
  }

  private static String tenantAdmin() {
    return Tokens.of("it-tenant-admin", List.of("tenant-admin"), List.of(tenant));
  }

  private static String scraper() {
    return Tokens.of("it-prometheus", List.of(SCRAPE_ROLE), List.of());
  }

  @Test
  void metricsNeedAPlatformAdminOrTheScrapeRole() {
    assertUnauthenticated(get("/metrics", null));
    assertForbidden(get("/metrics", reader()));
    assertForbidden(get("/metrics", tenantAdmin()));
    assertPrometheusText(get("/metrics", Tokens.platformAdmin()));
    assertPrometheusText(get("/metrics", scraper()));
    assertPrometheusText(get("/metrics?scope=base", scraper()));
  }

  @Test
  void theDevelopmentIssuerMintsTheScrapeRole() {
    HttpResponse<String> minted =
        Api.post(
            "/api/tokens", "{\"subject\":\"it-prometheus\",\"roles\":[\"" + SCRAPE_ROLE + "\"]}");
    assertEquals(201, minted.statusCode(), minted.body());
    String token = Api.json(minted).getString("token");
    assertPrometheusText(get("/metrics", token));
    assertForbidden(get("/openapi/ui/", token));
    assertEquals(403, get("/api/tenants", token).statusCode(), "the scrape role opens no /api");
  }

  @Test
  void theOpenApiUiNeedsAPlatformAdmin() {
    assertUnauthenticated(get("/openapi/ui/", null));
    assertUnauthenticated(get("/openapi/ui", null));
    assertForbidden(get("/openapi/ui/", reader()));
    assertForbidden(get("/openapi/ui/", tenantAdmin()));
    assertForbidden(get("/openapi/ui/", scraper()));
    HttpResponse<String> ui = get("/openapi/ui/", Tokens.platformAdmin());
    assertEquals(200, ui.statusCode(), ui.body());
    assertTrue(ui.body().contains("<html"), "the UI's page");
  }

  @Test
  void theOpenApiDocumentAndHealthStayOpen() {
    for (String path : List.of("/openapi", "/health/ready", "/health/live")) {
      assertEquals(200, get(path, null).statusCode(), path);
      assertEquals(200, get(path, reader()).statusCode(), path + " with a reader's token");
    }
  }

  @Test
  void tokensTheServerDoesNotTrustAreUnauthenticated(@TempDir Path dir) throws Exception {
    String forged =
        DevIssuer.openOrCreate(dir)
            .mint("it-forger", List.of("platform-admin"), List.of("*"), Duration.ofHours(1));
    String unsigned =
        new PlainJWT(
                DevIssuer.claims(
                        "it-forger", List.of("platform-admin"), List.of("*"), Duration.ofHours(1))
                    .build())
            .serialize();
    String otherAudience =
        Tokens.issuer()
            .sign(
                DevIssuer.claims(
                        "it-admin", List.of("platform-admin"), List.of("*"), Duration.ofHours(1))
                    .audience("another-service")
                    .build());
    for (String token : List.of(forged, unsigned, otherAudience, "not-a-jwt")) {
      assertUnauthenticated(get("/metrics", token));
      assertUnauthenticated(get("/openapi/ui/", token));
    }
  }

  @Test
  void refusalsAreAudited() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long before = Api.json(Api.get("/api/audit/verify")).getJsonNumber("records").longValue();
    while (true) {
      // At most 20 refusals a second are recorded (the rest counted): retry until one is.
      HttpResponse<String> refused = get("/metrics", reader());
      assertForbidden(refused);
      Optional<JsonObject> record =
          platformRecord(before, Api.json(refused).getString("correlationId"));
      if (record.isPresent()) {
        JsonObject r = record.get();
        assertEquals("auth.forbidden", r.getString("action"), r.toString());
        assertEquals("GET /metrics", r.getString("target"), r.toString());
        assertEquals("it-reader", r.getString("principal"), r.toString());
        assertEquals("refused", r.getString("outcome"), r.toString());
        return;
      }
      assertTrue(System.nanoTime() < deadline, "no audit record of a refused /metrics read");
      Thread.sleep(200);
    }
  }

  /** The platform chain's record with this correlation id, among those after {@code after}. */
  private static Optional<JsonObject> platformRecord(long after, String correlationId) {
    Long next = after;
    while (next != null) {
      JsonObject page = Api.json(Api.get("/api/audit?after=" + next + "&limit=1000"));
      for (JsonObject r : page.getJsonArray("records").getValuesAs(JsonObject.class)) {
        if (correlationId.equals(r.getString("correlationId", null))) {
          return Optional.of(r);
        }
      }
      next = page.containsKey("next") ? page.getJsonNumber("next").longValue() : null;
    }
    return Optional.empty();
  }

  private static HttpResponse<String> get(String path, String token) {
    return Api.call("GET", path, null, token);
  }

  private static void assertPrometheusText(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains("# TYPE "), "Prometheus exposition format");
  }

  private static void assertUnauthenticated(HttpResponse<String> r) {
    assertProblem(r, 401, UNAUTHENTICATED);
    assertTrue(
        r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
        "WWW-Authenticate: Bearer");
  }

  private static void assertForbidden(HttpResponse<String> r) {
    assertProblem(r, 403, FORBIDDEN);
  }

  private static void assertProblem(HttpResponse<String> r, int status, String type) {
    assertEquals(status, r.statusCode(), r.uri() + ": " + r.body());
    assertEquals(
        "application/problem+json",
        r.headers().firstValue("Content-Type").orElse("").split(";")[0],
        r.uri().toString());
    JsonObject problem = Api.json(r);
    assertEquals(type, problem.getString("type"), r.body());
    assertEquals(status, problem.getInt("status"));
    assertFalse(r.body().contains("Exception"), r.body());
  }
}
