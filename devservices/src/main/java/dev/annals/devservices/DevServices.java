package dev.annals.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import redis.embedded.RedisServer;

/**
 * A real PostgreSQL (zonky's embedded binaries) and a real Redis on fixed local ports, in the
 * manner of Quarkus Dev Services. The run command uses it when no database or Redis is configured;
 * the integration tests use it with {@code fresh} data on their own ports. PostgreSQL runs with
 * {@code max_prepared_transactions} set, since every two-phase commit needs it.
 */
public final class DevServices implements AutoCloseable {

  /** The database every embedded server carries; the server connects to it by default. */
  public static final String DATABASE = "annals";

  private static final Logger LOG = Logger.getLogger(DevServices.class.getName());

  /**
   * What to start and where.
   *
   * @param dataDir where PostgreSQL and Redis keep their files
   * @param postgresPort port for PostgreSQL, or 0 to start none
   * @param redisPort port for Redis, or 0 to start none
   * @param fresh delete the data directory before starting (tests), or keep it (run command)
   */
  public record Settings(Path dataDir, int postgresPort, int redisPort, boolean fresh) {}

  private final Settings settings;
  private volatile EmbeddedPostgres postgres;
  private final RedisServer redis;

  private DevServices(Settings settings, EmbeddedPostgres postgres, RedisServer redis) {
    this.settings = settings;
    this.postgres = postgres;
    this.redis = redis;
  }

  /** Starts what the settings ask for and returns once both accept connections. */
  public static DevServices start(Settings settings) throws IOException {
    if (settings.fresh()) {
      deleteRecursively(settings.dataDir());
    }
    Files.createDirectories(settings.dataDir());
    EmbeddedPostgres postgres = null;
    RedisServer redis = null;
    try {
      if (settings.postgresPort() > 0) {
        postgres = startPostgres(settings.dataDir().resolve("postgres"), settings.postgresPort());
      }
      if (settings.redisPort() > 0) {
        redis =
            startRedis(
                settings.dataDir().resolve("redis"), settings.redisPort(), !settings.fresh());
      }
      return new DevServices(settings, postgres, redis);
    } catch (IOException | RuntimeException e) {
      closeQuietly(postgres, redis);
      throw e;
    }
  }

  private static EmbeddedPostgres startPostgres(Path dir, int port) throws IOException {
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            // zonky defaults to fsync off (-F) and synchronous_commit off, fit for throwaway test
            // databases but not for a default that keeps data: restore PostgreSQL's durability.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_prepared_transactions", "32")
            .setServerConfig("max_connections", "200")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start();
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      ensureDatabase(c);
    } catch (SQLException e) {
      postgres.close();
      throw new IOException("embedded PostgreSQL started but could not be prepared", e);
    }
    LOG.info(() -> "Embedded PostgreSQL on 127.0.0.1:" + port + ", data in " + dir);
    return postgres;
  }

  private static void ensureDatabase(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, DATABASE);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE);
    }
  }

  private static RedisServer startRedis(Path dir, int port, boolean durable) throws IOException {
    Files.createDirectories(dir);
    RedisServer redis =
        RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("dir " + dir.toAbsolutePath())
            .setting("appendonly " + (durable ? "yes" : "no"))
            .onShutdownForceStop(true)
            .build();
    redis.start();
    LOG.info(() -> "Embedded Redis on 127.0.0.1:" + port + ", data in " + dir);
    return redis;
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
      env.put("DB_USER", "postgres");
      env.put("DB_PASSWORD", "");
    }
    if (redis != null) {
      env.put("REDIS_URL", "redis://127.0.0.1:" + settings.redisPort());
    }
    return env;
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
    postgres = startPostgres(dir, settings.postgresPort());
  }

  @Override
  public void close() {
    closeQuietly(postgres, redis);
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

  /**
   * Starts the services and keeps them until the process is terminated; the integration-test build
   * runs this in the background. Arguments: {@code DATA_DIR POSTGRES_PORT REDIS_PORT}.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: DevServices DATA_DIR POSTGRES_PORT REDIS_PORT");
    }
    Settings settings =
        new Settings(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), true);
    DevServices services = start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  services.close();
                  stopped.countDown();
                }));
    LOG.info("Embedded services ready");
    Path request = settings.dataDir().resolve(RESTART_REQUEST);
    while (!stopped.await(100, TimeUnit.MILLISECONDS)) {
      if (Files.exists(request)) {
        services.restartPostgres();
        Files.delete(request);
        LOG.info("Embedded PostgreSQL restarted on request");
      }
    }
  }

  /**
   * A file that, created in the data directory of services started by {@link #main}, makes them
   * restart PostgreSQL; it is deleted once PostgreSQL accepts connections again.
   */
  public static final String RESTART_REQUEST = "restart-postgres.request";
}
