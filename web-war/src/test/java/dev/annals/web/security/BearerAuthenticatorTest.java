package dev.annals.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.annals.tenancy.api.TenantId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BearerAuthenticatorTest {

  private static final long NOW = 1_800_000_000_000L;

  private final AtomicLong clock = new AtomicLong(NOW);
  private final Map<String, JWTClaimsSet> valid = new HashMap<>();
  private final Map<String, Integer> verifications = new HashMap<>();

  private final BearerAuthenticator authenticator =
      BearerAuthenticator.with(
          token -> {
            verifications.merge(token, 1, Integer::sum);
            return Optional.ofNullable(valid.get(token));
          },
          clock::get);

  private static JWTClaimsSet claims(String subject, long expiresAt) {
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .expirationTime(new Date(expiresAt))
        .claim("groups", List.of("writer", "unknown"))
        .claim("tenants", List.of("acme"))
        .build();
  }

  @Test
  void aTokenIsVerifiedOnceAndDescribesItsCaller() {
    valid.put("t1", claims("alice", NOW + 60_000));
    for (int i = 0; i < 3; i++) {
      Caller c = authenticator.authenticate("Bearer t1").orElseThrow();
      assertEquals("alice", c.name());
      assertEquals(Set.of(Role.WRITER), c.roles());
      assertTrue(c.sees(new TenantId("acme")));
    }
    assertEquals(1, verifications.get("t1"));
  }

  @Test
  void aKeptTokenPastItsExpiryAndTheSkewIsVerifiedAgain() {
    long expires = NOW + 60_000;
    valid.put("t2", claims("bob", expires));
    assertTrue(authenticator.authenticate("Bearer t2").isPresent());
    clock.set(expires + BearerTokenVerifier.CLOCK_SKEW_SECONDS * 1000L);
    assertTrue(authenticator.authenticate("Bearer t2").isPresent());
    assertEquals(1, verifications.get("t2"));
    clock.incrementAndGet();
    valid.remove("t2"); // the verifier now refuses it: expired
    assertTrue(authenticator.authenticate("Bearer t2").isEmpty());
    assertTrue(authenticator.authenticate("Bearer t2").isEmpty());
    assertEquals(3, verifications.get("t2"));
  }

  @Test
  void refusalsAreNeverKept() {
    assertTrue(authenticator.authenticate("Bearer forged").isEmpty());
    assertTrue(authenticator.authenticate("Bearer forged").isEmpty());
    assertEquals(2, verifications.get("forged"));
  }

  @Test
  void aTokenWithoutSubjectIsRefused() {
    valid.put("anon", claims(null, NOW + 60_000));
    assertTrue(authenticator.authenticate("Bearer anon").isEmpty());
  }

  @Test
  void onlyBearerAuthorizationsCarryAToken() {
    assertNull(BearerAuthenticator.bearerToken(null));
    assertNull(BearerAuthenticator.bearerToken("Basic dXNlcjpwYXNz"));
    assertNull(BearerAuthenticator.bearerToken("Bearer "));
    assertNull(BearerAuthenticator.bearerToken("Bearer"));
    assertEquals("abc", BearerAuthenticator.bearerToken("bearer  abc "));
    assertTrue(authenticator.authenticate("Basic dXNlcjpwYXNz").isEmpty());
    assertTrue(verifications.isEmpty());
  }
}
