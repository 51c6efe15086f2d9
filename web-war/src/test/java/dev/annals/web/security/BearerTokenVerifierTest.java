package dev.annals.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BearerTokenVerifierTest {

  private static final String ISSUER = "urn:test:issuer";

  private final RSAKey key = generate();
  private final RSAKey otherKey = generate();

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private String pem(RSAKey k) throws JOSEException {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(k.toRSAPublicKey().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private BearerTokenVerifier verifier(Map<String, String> settings) {
    return BearerTokenVerifier.from(k -> Optional.ofNullable(settings.get(k)));
  }

  /** A verifier of this test's issuer and the audience "annals", with one key setting. */
  private BearerTokenVerifier trusting(String keySetting, String value) {
    return verifier(
        Map.of(
            "mp.jwt.verify.issuer",
            ISSUER,
            "mp.jwt.verify.audiences",
            "annals",
            keySetting,
            value));
  }

  private JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience("annals")
        .subject("someone")
        .claim("groups", List.of("platform-admin"))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }

  private static String sign(RSAKey k, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(k));
    return jwt.serialize();
  }

  @Test
  void acceptsATokenSignedByThePemKeyInAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("key.pem"), pem(key));
    BearerTokenVerifier v = trusting("mp.jwt.verify.publickey.location", file.toUri().toString());

    assertEquals(
        List.of("platform-admin"),
        v.verify(sign(key, claims().build())).orElseThrow().getStringListClaim("groups"));
  }

  @Test
  void acceptsAnInlineJwkAndAPlainPath(@TempDir Path dir) throws Exception {
    String token = sign(key, claims().build());
    assertTrue(
        trusting("mp.jwt.verify.publickey", key.toPublicJWK().toJSONString())
            .verify(token)
            .isPresent());
    Path file = Files.writeString(dir.resolve("key.pem"), pem(key));
    assertTrue(
        trusting("mp.jwt.verify.publickey.location", file.toString()).verify(token).isPresent());
  }

  @Test
  void aJwkSetSelectsTheKeyByItsId() throws Exception {
    BearerTokenVerifier v =
        trusting(
            "mp.jwt.verify.publickey",
            new JWKSet(List.of(otherKey.toPublicJWK(), key.toPublicJWK())).toString());
    assertTrue(v.verify(sign(key, claims().build())).isPresent());
    assertTrue(v.verify(sign(otherKey, claims().build())).isPresent());
    assertTrue(v.verify(sign(generate(), claims().build())).isEmpty());
  }

  @Test
  void refusesForgedExpiredForeignAndUnsignedTokens() throws Exception {
    BearerTokenVerifier v = trusting("mp.jwt.verify.publickey", pem(key));
    Instant past = Instant.now().minusSeconds(3600);
    List<String> refused =
        List.of(
            sign(otherKey, claims().build()),
            sign(
                key,
                claims()
                    .issueTime(Date.from(past))
                    .expirationTime(Date.from(past.plusSeconds(60)))
                    .build()),
            sign(key, claims().issuer("urn:other").build()),
            sign(key, claims().audience("another-service").build()),
            new PlainJWT(claims().build()).serialize(),
            "not-a-jwt");
    for (String token : refused) {
      assertTrue(v.verify(token).isEmpty(), token);
    }
    assertTrue(v.verify(sign(key, claims().build())).isPresent());
  }

  @Test
  void nothingConfiguredOrAnUnreadableKeyRefusesEveryToken() throws Exception {
    String token = sign(key, claims().build());
    assertTrue(verifier(Map.of()).verify(token).isEmpty());
    assertTrue(
        trusting("mp.jwt.verify.publickey.location", "/no/such/key.pem").verify(token).isEmpty());
  }
}
