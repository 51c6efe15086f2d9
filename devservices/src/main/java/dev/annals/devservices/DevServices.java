package dev.annals.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import redis.embedded.RedisServer;

/**
 * A real PostgreSQL (zonky's embedded binaries) and a real Redis on fixed local ports, in the
 * manner of Quarkus Dev Services. The run command uses it when no database or Redis is configured;
 * the integration tests use it with {@code fresh} data on their own ports. PostgreSQL runs with
 * {@code max_prepared_transactions} set, since every two-phase commit needs it.
 *
 * <p>Nothing here trusts a connection or has a fixed password: at first start PostgreSQL's
 * superuser (used only for this bootstrap) creates the schema owner {@value #OWNER_ROLE} (no
 * superuser: it may create databases and roles) and the runtime roles, each with a random password
 * ({@link DevSecrets}), then {@code pg_hba.conf} is switched to {@code scram-sha-256} for every
 * connection. Redis requires a password too: its default user is off, Annals' ACL user may run only
 * the commands Annals uses, and an admin user (for operators and tests) may run all.
 */
public final class DevServices implements AutoCloseable {

  /** The database every embedded server carries; the server connects to it by default. */
  public static final String DATABASE = "annals";

  /** The schema owner Annals connects as for migrations and provisioning: not a superuser. */
  public static final String OWNER_ROLE = "annals";

  /** The runtime roles (server.xml's defaults for {@code DB_APP_USER}, {@code DB_TENANCY_USER}). */
  public static final String APP_ROLE = "annals_app";

  public static final String TENANCY_ROLE = "annals_tenancy";

  /** Redis's ACL users: Annals' own, and an admin. */
  public static final String REDIS_USER = "annals";

  public static final String REDIS_ADMIN = "admin";

  /**
   * The commands Annals' Redis user may run: connection set-up (Jedis authenticates and may select
   * a database) and liveness checks; wake-ups are published on channels {@code annals:wakeup:*} and
   * every node keeps one PSUBSCRIBE on exactly that pattern (PING keeps it checked); request rates
   * run one script (EVALSHA, EVAL when Redis does not know it yet) that counts with INCR, PEXPIRE
   * and GET on keys {@code annals:rate:*}. A feature that uses more commands adds them here.
   */
  static final String REDIS_COMMANDS =
      "-@all +auth +hello +select +ping +echo +publish +psubscribe +punsubscribe +evalsha +eval"
          + " +incr +pexpire +get";

  private static final Logger LOG = Logger.getLogger(DevServices.class.getName());

  /**
   * What to start and where.
   *
   * @param dataDir where PostgreSQL and Redis keep their files
   * @param postgresPort port for PostgreSQL, or 0 to start none
   * @param redisPort port for Redis, or 0 to start none
   * @param fresh delete the data directory before starting (tests), or keep it (run command)
   * @param secretsFile where the passwords are kept (generated when missing)
   */
  public record Settings(
      Path dataDir, int postgresPort, int redisPort, boolean fresh, Path secretsFile) {

    /** Passwords kept in the data directory ({@value DevSecrets#FILE}). */
    public Settings(Path dataDir, int postgresPort, int redisPort, boolean fresh) {
      this(dataDir, postgresPort, redisPort, fresh, dataDir.resolve(DevSecrets.FILE));
    }
  }

  private final Settings settings;
  private final DevSecrets secrets;
  private volatile EmbeddedPostgres postgres;
  private final RedisServer redis;
  private volatile boolean redisStopped;

  private DevServices(
      Settings settings, DevSecrets secrets, EmbeddedPostgres postgres, RedisServer redis) {
    this.settings = settings;
    this.secrets = secrets;
    this.postgres = postgres;
    this.redis = redis;
  }

  /** Starts what the settings ask for and returns once both accept connections. */
  public static DevServices start(Settings settings) throws IOException {
    if (settings.fresh()) {
      deleteRecursively(settings.dataDir());
    }
    Files.createDirectories(settings.dataDir());
    DevSecrets secrets = DevSecrets.loadOrCreate(settings.secretsFile());
    EmbeddedPostgres postgres = null;
    RedisServer redis = null;
    try {
      if (settings.postgresPort() > 0) {
        postgres =
            DevPostgres.start(
                settings.dataDir().resolve("postgres"), settings.postgresPort(), secrets);
      }
      if (settings.redisPort() > 0) {
        redis =
            DevRedis.start(
                settings.dataDir().resolve("redis"),
                settings.redisPort(),
                !settings.fresh(),
                secrets);
      }
      LOG.info(() -> "Passwords of the embedded services are kept in " + settings.secretsFile());
      return new DevServices(settings, secrets, postgres, redis);
    } catch (IOException | RuntimeException e) {
      closeQuietly(postgres, redis);
      throw e;
    }
  }

  /**
   * The environment that points a Liberty server at what was started here, in the variable names
   * server.xml reads. Services not started here contribute nothing.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    if (postgres != null) {
      env.put("DB_HOST", "127.0.0.1");
      env.put("DB_PORT", Integer.toString(settings.postgresPort()));
      env.put("DB_NAME", DATABASE);
      env.put("DB_USER", OWNER_ROLE);
      env.put("DB_PASSWORD", secrets.get(DevSecrets.OWNER));
      env.put("DB_APP_USER", APP_ROLE);
      env.put("DB_APP_PASSWORD", secrets.get(DevSecrets.APP));
      env.put("DB_TENANCY_USER", TENANCY_ROLE);
      env.put("DB_TENANCY_PASSWORD", secrets.get(DevSecrets.TENANCY));
    }
    if (redis != null) {
      env.put("REDIS_URL", redisUrl(secrets, settings.redisPort()));
    }
    env.put("ANNALS_WEBHOOKS_SECRET_KEY", secrets.get(DevSecrets.WEBHOOKS_KEY));
    return env;
  }

  /** The URL of the embedded Redis as Annals' ACL user. */
  static String redisUrl(DevSecrets secrets, int port) {
    return "redis://" + REDIS_USER + ":" + secrets.get(DevSecrets.REDIS) + "@127.0.0.1:" + port;
  }

  /** The URL of the embedded Redis as its admin user (every command): for operators and tests. */
  public String adminRedisUrl() {
    return "redis://"
        + REDIS_ADMIN
        + ":"
        + secrets.get(DevSecrets.REDIS_ADMIN)
        + "@127.0.0.1:"
        + settings.redisPort();
  }

  /** The passwords of these services. */
  public DevSecrets secrets() {
    return secrets;
  }

  /** The embedded PostgreSQL, when this instance started one. */
  public Optional<EmbeddedPostgres> postgres() {
    return Optional.ofNullable(postgres);
  }

  /**
   * Stops the embedded PostgreSQL and starts it again on the same data and port, as an operator's
   * restart would: every connection is dropped, and for a moment none is accepted. For tests of
   * what survives a restart.
   */
  public synchronized void restartPostgres() throws IOException {
    if (postgres == null) {
      throw new IllegalStateException("no embedded PostgreSQL was started here");
    }
    Path dir = settings.dataDir().resolve("postgres");
    Path pidFile = dir.resolve("postmaster.pid");
    String pid = Files.readAllLines(pidFile).get(0).trim();
    postgres.close();
    // A fast shutdown (SIGINT), as `pg_ctl restart -m fast` does: sessions are cut, in-flight
    // transactions roll back. The postmaster removes its pid file last; a new one started before
    // that would find the data directory and the port still taken.
    new ProcessBuilder("kill", "-INT", pid).inheritIO().start();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (Files.exists(pidFile)) {
      if (System.nanoTime() > deadline) {
        throw new IOException("PostgreSQL (pid " + pid + ") did not stop within two minutes");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while PostgreSQL was stopping", e);
      }
    }
    postgres = DevPostgres.start(dir, settings.postgresPort(), secrets);
  }

  /**
   * Stops the embedded Redis as a crash would (its process killed: every connection dropped, new
   * ones refused) until {@link #startRedis}; for tests of what survives Redis being gone.
   */
  public synchronized void stopRedis() throws IOException {
    if (redis == null) {
      throw new IllegalStateException("no embedded Redis was started here");
    }
    if (!redisStopped) {
      redis.stop(); // force stop (onShutdownForceStop): SIGKILL, no final save
      redisStopped = true;
      LOG.info(() -> "Embedded Redis stopped on request");
    }
  }

  /** Starts the embedded Redis again on its port, with its users, after {@link #stopRedis}. */
  public synchronized void startRedis() throws IOException {
    if (redis != null && redisStopped) {
      redis.start();
      redisStopped = false;
      LOG.info(() -> "Embedded Redis started again on port " + settings.redisPort());
    }
  }

  @Override
  public void close() {
    closeQuietly(postgres, redisStopped ? null : redis);
  }

  private static void closeQuietly(EmbeddedPostgres postgres, RedisServer redis) {
    if (redis != null) {
      try {
        redis.stop();
      } catch (IOException e) {
        LOG.warning(() -> "Embedded Redis did not stop cleanly: " + e.getMessage());
      }
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        LOG.warning(() -> "Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(DevServices::delete);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
