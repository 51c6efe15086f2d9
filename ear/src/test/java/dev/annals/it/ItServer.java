package dev.annals.it;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The integration-test server and its database as failsafe describes them (system properties {@code
 * annals.it.*}). The server may still be migrating its schema when the tests start, so tests wait
 * for readiness before relying on it.
 */
public final class ItServer {

  private static final Logger LOG = Logger.getLogger(ItServer.class.getName());
  private static final Duration POLL = Duration.ofMillis(500);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static volatile boolean ready;

  private ItServer() {}

  /** The server's HTTP root, e.g. {@code http://127.0.0.1:9180}. */
  public static URI baseUri() {
    return URI.create(System.getProperty("annals.it.baseUri", "http://127.0.0.1:9180"));
  }

  /** JDBC URL of the database the server uses. */
  public static String jdbcUrl() {
    return System.getProperty("annals.it.jdbcUrl", "jdbc:postgresql://127.0.0.1:25432/annals");
  }

  /** A connection as the database superuser, for test fixtures the runtime role cannot create. */
  public static Connection ownerConnection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), "postgres", secret(SUPERUSER_PASSWORD));
  }

  /** The key of PostgreSQL's superuser password in the build's secrets (DevSecrets). */
  public static final String SUPERUSER_PASSWORD = "postgres.superuser.password";

  /** The key of the event store's runtime role's password. */
  public static final String APP_PASSWORD = "db.app.password";

  /** The key of tenancy's runtime role's password. */
  public static final String TENANCY_PASSWORD = "db.tenancy.password";

  /** The key of the Redis admin user's password. */
  public static final String REDIS_ADMIN_PASSWORD = "redis.admin.password";

  private static volatile Properties secrets;

  /**
   * Blocks the tests' whole Redis for {@code seconds} ({@code DEBUG SLEEP}, which only the admin
   * user may run): every client's command hangs meanwhile. Returns the admin connection, to close
   * once the test no longer needs it (the sleep goes on regardless).
   */
  public static java.net.Socket hangRedis(int seconds) throws IOException {
    URI redis = URI.create(System.getProperty("annals.it.redisUrl"));
    java.net.Socket socket = new java.net.Socket(redis.getHost(), redis.getPort());
    socket
        .getOutputStream()
        .write(
            ("AUTH admin " + secret(REDIS_ADMIN_PASSWORD) + "\r\nDEBUG SLEEP " + seconds + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return socket;
  }

  /**
   * A password of the build's embedded services, generated at random for this run and kept in the
   * file {@code annals.it.secrets} names (mode 600).
   */
  public static String secret(String key) {
    Properties s = secrets;
    if (s == null) {
      s = new Properties();
      try (Reader r =
          Files.newBufferedReader(
              java.nio.file.Path.of(System.getProperty("annals.it.secrets")),
              StandardCharsets.UTF_8)) {
        s.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      secrets = s;
    }
    String v = s.getProperty(key);
    if (v == null) {
      throw new IllegalStateException("no secret " + key);
    }
    return v;
  }

  /**
   * Stops the server, runs {@code whileStopped}, starts it again and waits until it is ready: for
   * tests of what survives a restart. Uses the Liberty install failsafe names ({@code
   * annals.it.wlpDir}, {@code annals.it.serverName}).
   */
  public static void restart(Runnable whileStopped) throws IOException, InterruptedException {
    server("stop");
    whileStopped.run();
    ready = false;
    server("start");
    awaitReady(Duration.ofMinutes(3));
  }

  /**
   * Kills the server's JVM with SIGKILL (a crash: no shutdown of anything), runs {@code whileDown},
   * starts it again and waits until it is ready: for tests of crash recovery.
   */
  public static void killAndStart(Runnable whileDown) throws Exception {
    String wlp = System.getProperty("annals.it.wlpDir");
    ProcessHandle jvm =
        ProcessHandle.allProcesses()
            .filter(
                p -> {
                  String[] args = p.info().arguments().orElse(new String[0]);
                  String line = String.join(" ", args);
                  return args.length > 0
                      && args[args.length - 1].equals(serverName())
                      && line.contains(wlp)
                      && line.contains("ws-server.jar");
                })
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no JVM of server " + serverName()));
    jvm.destroyForcibly();
    jvm.onExit().get(1, java.util.concurrent.TimeUnit.MINUTES);
    whileDown.run();
    ready = false;
    server("start");
    awaitReady(Duration.ofMinutes(5));
  }

  /** The integration-test server's own directory. */
  public static java.nio.file.Path serverDir() {
    return java.nio.file.Path.of(
        System.getProperty("annals.it.wlpDir"), "usr", "servers", serverName());
  }

  private static String serverName() {
    return System.getProperty("annals.it.serverName", "annals-it");
  }

  private static void server(String action) throws IOException, InterruptedException {
    server(action, serverName());
  }

  /**
   * Runs {@code bin/server <action> <name>} of the tests' Liberty install ({@code start}, {@code
   * stop}) and waits for it to end (3 minutes at most).
   *
   * @throws IllegalStateException when the command fails
   */
  public static void server(String action, String name) throws IOException, InterruptedException {
    java.nio.file.Path bin =
        java.nio.file.Path.of(System.getProperty("annals.it.wlpDir"), "bin", "server");
    Process p =
        new ProcessBuilder(bin.toString(), action, name)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
      p.destroy();
      throw new IllegalStateException("server " + action + " did not end within 3 minutes");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("server " + action + " failed: exit " + p.exitValue());
    }
  }

  /** GETs a path below {@link #baseUri()} and returns the response with its body as text. */
  public static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(baseUri().resolve(path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Returns once {@code /health/ready} answers 200 (every readiness check UP), polling until the
   * timeout has passed.
   *
   * @throws IllegalStateException if the server is not ready in time; names the last answer
   */
  public static void awaitReady(Duration timeout) throws InterruptedException {
    if (ready) {
      return;
    }
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> response = get("/health/ready");
        if (response.statusCode() == 200) {
          ready = true;
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(POLL.toMillis());
    }
    String lastAnswer = last;
    LOG.warning(() -> "Server not ready after " + timeout + ": " + lastAnswer);
    throw new IllegalStateException(
        "annals-it at " + baseUri() + " not ready after " + timeout + "; last answer: " + last);
  }
}
