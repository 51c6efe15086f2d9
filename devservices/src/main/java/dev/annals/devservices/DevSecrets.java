package dev.annals.devservices;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded default's passwords: generated at random when first needed and kept in one file
 * readable only by its owner (mode 600), so nothing in the embedded default has a fixed or empty
 * password. Every password is 32 characters of base64url: safe to write into a SQL literal or a
 * Redis configuration line as it is.
 */
public final class DevSecrets {

  /** The file's name under the data directory of the run command. */
  public static final String FILE = "secrets.properties";

  /** PostgreSQL's superuser: only bootstraps the embedded server (roles, database). */
  public static final String SUPERUSER = "postgres.superuser.password";

  /** The schema owner Annals migrates and provisions as ({@code DB_USER}, not a superuser). */
  public static final String OWNER = "db.password";

  /** The event store's runtime role ({@code DB_APP_PASSWORD}). */
  public static final String APP = "db.app.password";

  /** Tenancy's runtime role ({@code DB_TENANCY_PASSWORD}). */
  public static final String TENANCY = "db.tenancy.password";

  /** Redis's ACL user for Annals, limited to the commands it uses. */
  public static final String REDIS = "redis.password";

  /** Redis's ACL user for operators (and tests): every command. */
  public static final String REDIS_ADMIN = "redis.admin.password";

  /** The server key that seals webhook signing secrets (annals.webhooks.secret-key). */
  public static final String WEBHOOKS_KEY = "webhooks.secret.key";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Properties values;

  private DevSecrets(Properties values) {
    this.values = values;
  }

  /**
   * The secrets kept in {@code file}, generating (and storing) any that are missing.
   *
   * @throws IOException when the file cannot be read or written
   */
  public static synchronized DevSecrets loadOrCreate(Path file) throws IOException {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    boolean changed = false;
    for (String key :
        new String[] {SUPERUSER, OWNER, APP, TENANCY, REDIS, REDIS_ADMIN, WEBHOOKS_KEY}) {
      if (p.getProperty(key, "").isEmpty()) {
        p.setProperty(key, generate());
        changed = true;
      }
    }
    if (changed) {
      write(file, p, "Passwords of the embedded default, generated at first start. Keep private.");
    } else {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
    return new DevSecrets(p);
  }

  /** A secret by key (one of the constants). */
  public String get(String key) {
    String v = values.getProperty(key);
    if (v == null) {
      throw new IllegalArgumentException("no secret " + key);
    }
    return v;
  }

  /** Writes properties to a file that only its owner may read, replacing it atomically. */
  static void write(Path file, Properties p, String comment) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp =
        Files.createTempFile(
            dir, ".secrets", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      p.store(w, comment);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String generate() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Generates the secrets of the integration tests' services before any of them starts, and the
   * Liberty bootstrap properties that hand them to the test server. Arguments: {@code SECRETS_FILE
   * LIBERTY_PROPERTIES REDIS_PORT}.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: DevSecrets SECRETS_FILE LIBERTY_PROPERTIES REDIS_PORT");
    }
    DevSecrets s = loadOrCreate(Path.of(args[0]));
    write(
        Path.of(args[1]), s.libertyVariables(Integer.parseInt(args[2])), "Generated: do not edit");
  }

  /**
   * The server variables (and MicroProfile Config properties) of a Liberty server that uses the
   * embedded services: the owner and runtime roles' passwords, a second server's credentials
   * reference {@code db2} (the same roles and passwords), and the Redis URL with Annals' ACL user.
   */
  Properties libertyVariables(int redisPort) {
    Properties p = new Properties();
    p.setProperty("db.user", DevServices.OWNER_ROLE);
    p.setProperty("db.password", get(OWNER));
    p.setProperty("db.app.password", get(APP));
    p.setProperty("db.tenancy.password", get(TENANCY));
    p.setProperty("db2.user", DevServices.OWNER_ROLE);
    p.setProperty("db2.password", get(OWNER));
    p.setProperty("redis.url", DevServices.redisUrl(this, redisPort));
    p.setProperty("annals.webhooks.secret-key", get(WEBHOOKS_KEY));
    return p;
  }
}
