package dev.annals.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevIssuerTest {

  @TempDir Path dir;

  @Test
  void keyPairIsKeptAcrossStartsAndTheTrustedPublicKeyVerifiesItsTokens() throws Exception {
    String first =
        DevIssuer.openOrCreate(dir)
            .mint("a", List.of("reader"), List.of("acme"), Duration.ofMinutes(5));
    DevIssuer again = DevIssuer.openOrCreate(dir);
    Map<String, String> env = again.environment();
    RSAPublicKey trusted =
        publicKey(Path.of(URI.create(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))));

    SignedJWT jwt = SignedJWT.parse(first);
    assertTrue(jwt.verify(new RSASSAVerifier(trusted)), "a token from before the restart");
    assertEquals(DevIssuer.ISSUER, jwt.getJWTClaimsSet().getIssuer());
    assertEquals(List.of(DevIssuer.AUDIENCE), jwt.getJWTClaimsSet().getAudience());
    assertEquals(List.of("reader"), jwt.getJWTClaimsSet().getStringListClaim("groups"));
    assertEquals(List.of("acme"), jwt.getJWTClaimsSet().getStringListClaim("tenants"));
    assertEquals(DevIssuer.ISSUER, env.get("MP_JWT_VERIFY_ISSUER"));
    assertTrue(Files.isRegularFile(Path.of(env.get("ANNALS_SECURITY_DEV_ISSUER_KEY"))));
  }

  @Test
  void adminTokenIsANewPlatformAdminTokenOnlyItsOwnerCanRead() throws Exception {
    DevIssuer issuer = DevIssuer.openOrCreate(dir);
    Path file = issuer.writeAdminToken();
    String token = Files.readString(file);
    assertEquals(
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(file));
    SignedJWT jwt = SignedJWT.parse(token);
    assertEquals(List.of("platform-admin"), jwt.getJWTClaimsSet().getStringListClaim("groups"));
    assertEquals(List.of("*"), jwt.getJWTClaimsSet().getStringListClaim("tenants"));
    long days =
        Duration.between(
                jwt.getJWTClaimsSet().getIssueTime().toInstant(),
                jwt.getJWTClaimsSet().getExpirationTime().toInstant())
            .toDays();
    assertEquals(DevIssuer.ADMIN_TOKEN_LIFETIME.toDays(), days);
    assertFalse(token.equals(Files.readString(issuer.writeAdminToken())), "new at every start");
  }

  private static RSAPublicKey publicKey(Path pem) throws Exception {
    String base64 =
        Files.readString(pem)
            .replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    return (RSAPublicKey)
        KeyFactory.getInstance("RSA")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
