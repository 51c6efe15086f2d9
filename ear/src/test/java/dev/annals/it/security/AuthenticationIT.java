package dev.annals.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.annals.devservices.DevIssuer;
import dev.annals.it.Api;
import dev.annals.it.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every /api request needs a valid bearer token from the trusted issuer: none, expired, forged
 * (another key), wrong issuer, wrong audience and unsigned ({@code alg: none}) tokens all get the
 * same 401 problem with a {@code WWW-Authenticate: Bearer} challenge.
 */
class AuthenticationIT {

  private static final String UNAUTHENTICATED = "https://annals.dev/problems/unauthenticated";

  private static String tenant;

  @BeforeAll
  static void tenant() {
    tenant = Api.createTenant();
  }

  private static String path() {
    return "/api/tenants/" + tenant + "/events";
  }

  private static JWTClaimsSet.Builder valid() {
    return DevIssuer.claims("it-reader", List.of("reader"), List.of(tenant), Duration.ofHours(1));
  }

  @Test
  void validTokenIsAccepted() {
    assertEquals(
        200, Api.call("GET", path(), null, Tokens.issuer().sign(valid().build())).statusCode());
  }

  @Test
  void noTokenIsRefused() {
    assertUnauthenticated(Api.call("GET", path(), null, null));
    assertUnauthenticated(Api.call("POST", "/api/tenants", "{\"id\":\"tnotoken\"}", null));
    assertUnauthenticated(Api.call("GET", "/api/no-such-path", null, null));
  }

  @Test
  void expiredTokenIsRefused() {
    Instant past = Instant.now().minus(Duration.ofHours(2));
    String token =
        Tokens.issuer()
            .sign(
                valid()
                    .issueTime(Date.from(past))
                    .expirationTime(Date.from(past.plus(Duration.ofMinutes(10))))
                    .build());
    assertUnauthenticated(Api.call("GET", path(), null, token));
  }

  @Test
  void tokenSignedByAnotherKeyIsRefused(@TempDir Path dir) throws Exception {
    String forged = DevIssuer.openOrCreate(dir).sign(valid().build());
    assertUnauthenticated(Api.call("GET", path(), null, forged));
  }

  @Test
  void tokenWithATamperedPayloadIsRefused() {
    String[] parts = Tokens.issuer().sign(valid().build()).split("\\.");
    String admin =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                DevIssuer.claims(
                        "it-reader", List.of("platform-admin"), List.of("*"), Duration.ofHours(1))
                    .build()
                    .toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertUnauthenticated(Api.call("GET", path(), null, parts[0] + "." + admin + "." + parts[2]));
  }

  @Test
  void tokenFromAnotherIssuerIsRefused() {
    String token = Tokens.issuer().sign(valid().issuer("https://evil.example").build());
    assertUnauthenticated(Api.call("GET", path(), null, token));
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    String token = Tokens.issuer().sign(valid().audience("another-service").build());
    assertUnauthenticated(Api.call("GET", path(), null, token));
  }

  @Test
  void unsignedTokenIsRefused() {
    String none = new PlainJWT(valid().build()).serialize();
    assertUnauthenticated(Api.call("GET", path(), null, none));
  }

  @Test
  void garbageIsRefused() {
    assertUnauthenticated(Api.call("GET", path(), null, "not-a-jwt"));
  }

  @Test
  void healthAndTheOpenApiDocumentStayOpen() {
    assertEquals(200, Api.call("GET", "/health/live", null, null).statusCode());
    assertEquals(200, Api.call("GET", "/openapi", null, null).statusCode());
  }

  private static void assertUnauthenticated(HttpResponse<String> r) {
    assertEquals(401, r.statusCode(), r.body());
    assertEquals(
        "application/problem+json",
        r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    String challenge = r.headers().firstValue("WWW-Authenticate").orElse(null);
    assertNotNull(challenge, "WWW-Authenticate");
    assertTrue(challenge.startsWith("Bearer"), challenge);
    JsonObject problem = Api.json(r);
    assertEquals(UNAUTHENTICATED, problem.getString("type"));
    assertEquals(401, problem.getInt("status"));
  }
}
