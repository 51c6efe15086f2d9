package dev.annals.devservices;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The development issuer: an RSA key pair kept in a directory (generated at first use, kept
 * afterwards), the server environment that makes Annals trust it and mint with it ({@code POST
 * /api/tokens}), and tokens signed with it. The run command and the test builds use it; a
 * production deployment names its own identity provider instead.
 */
public final class DevIssuer {

  /** The {@code iss} of every development token. */
  public static final String ISSUER = "urn:annals:dev-issuer";

  /** The {@code aud} Annals expects by default. */
  public static final String AUDIENCE = "annals";

  /** The platform-admin token the run command writes at each start, and how long it lives. */
  public static final String ADMIN_TOKEN_FILE = "admin.token";

  public static final Duration ADMIN_TOKEN_LIFETIME = Duration.ofDays(30);

  /** The key pair as a JSON Web Key (private: readable by its owner only). */
  private static final String PRIVATE_KEY_FILE = "issuer-key.jwk.json";

  private static final String PUBLIC_KEY_FILE = "issuer-public.pem";
  private static final FileAttribute<?> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  private static final Logger LOG = Logger.getLogger(DevIssuer.class.getName());

  private final Path dir;
  private final RSAKey key;

  private DevIssuer(Path dir, RSAKey key) {
    this.dir = dir;
    this.key = key;
  }

  /** The issuer whose key pair lives in {@code dir}; generates the pair there the first time. */
  public static DevIssuer openOrCreate(Path dir) throws IOException {
    Path file = dir.resolve(PRIVATE_KEY_FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dir);
        RSAKey generated = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        Files.createFile(file, OWNER_ONLY);
        Files.writeString(file, generated.toJSONString());
        LOG.info(() -> "Generated the development issuer's key pair in " + dir);
      }
      RSAKey key = RSAKey.parse(Files.readString(file));
      Files.writeString(
          dir.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", key.toRSAPublicKey().getEncoded()));
      return new DevIssuer(dir, key);
    } catch (JOSEException | ParseException e) {
      throw new IOException("Cannot read or create the key pair in " + dir, e);
    }
  }

  /**
   * The server environment that trusts this issuer (MicroProfile JWT's issuer, audience and public
   * key) and lets it mint tokens ({@code POST /api/tokens}).
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
    env.put("MP_JWT_VERIFY_AUDIENCES", AUDIENCE);
    env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", dir.resolve(PUBLIC_KEY_FILE).toUri().toString());
    env.put("ANNALS_SECURITY_DEV_ISSUER_KEY", dir.resolve(PRIVATE_KEY_FILE).toString());
    return env;
  }

  /** The claims of a token this issuer would mint: issuer, audience, subject, groups, tenants. */
  public static JWTClaimsSet.Builder claims(
      String subject, List<String> roles, List<String> tenants, Duration ttl) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject(subject)
        .claim("upn", subject)
        .claim("groups", roles)
        .claim("tenants", tenants)
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)));
  }

  /** A token for {@code subject} with these roles and tenants, valid for {@code ttl}. */
  public String mint(String subject, List<String> roles, List<String> tenants, Duration ttl) {
    return sign(claims(subject, roles, tenants, ttl).build());
  }

  /** Signs any claims (RS256) with this issuer's key: tests shape wrong tokens with it. */
  public String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID(key.getKeyID())
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a development token", e);
    }
  }

  /**
   * Writes a fresh platform-admin token ({@value #ADMIN_TOKEN_FILE}, readable by its owner only)
   * and returns its path.
   */
  public Path writeAdminToken() throws IOException {
    Path file = dir.resolve(ADMIN_TOKEN_FILE);
    String token = mint("dev-admin", List.of("platform-admin"), List.of("*"), ADMIN_TOKEN_LIFETIME);
    Files.deleteIfExists(file);
    Files.createFile(file, OWNER_ONLY);
    Files.writeString(file, token);
    return file;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /**
   * Arguments: {@code DIR}. Creates (or keeps) the key pair in DIR and writes a platform-admin
   * token there: the test builds run this before starting their servers.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DevIssuer DIR");
    }
    DevIssuer issuer = openOrCreate(Path.of(args[0]).toAbsolutePath());
    issuer.writeAdminToken();
  }
}
