package dev.annals.it.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Db;
import dev.annals.it.ItServer;
import dev.annals.it.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The second integration-test node, {@code annals-it-b}, as a process a test may kill: its process
 * id (Liberty's pid file), its node id in subscription leases (the line its subscription driver
 * logs at start), a {@code kill -9}, and a start that returns once it is ready again. The build
 * starts it in the background and stops it after the tests; a test that kills it starts it again
 * before it ends, so the tests that need it do not depend on their order.
 */
final class NodeB {

  private static final Logger LOG = Logger.getLogger(NodeB.class.getName());

  /** The Liberty server's name (the ear module's it-server-b execution). */
  static final String SERVER = "annals-it-b";

  /** Lease (10 s) plus scan interval (2 s) plus a loaded machine's slack. */
  static final Duration TAKEOVER = Duration.ofSeconds(90);

  private static final String DRIVEN_FROM = "Subscriptions are driven from node ";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private NodeB() {}

  /** Node B's HTTP root. */
  static URI baseUri() {
    return URI.create(System.getProperty("annals.it.baseUriB"));
  }

  /** Waits until node B answers {@code /health/ready} with 200 (every readiness check UP). */
  static void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(baseUri().resolve("/health/ready"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
        last = r.statusCode() + " " + r.body();
      } catch (IOException e) {
        last = e.toString(); // not listening (yet)
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "node B at " + baseUri() + " not ready after " + timeout + ": " + last);
  }

  /**
   * POSTs an empty body to {@code path} on node B as a platform admin; returns the status, or -1
   * when B did not answer.
   */
  static int post(String path) throws InterruptedException {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(baseUri().resolve(path))
                  .header("Authorization", "Bearer " + Tokens.platformAdmin())
                  .timeout(Duration.ofSeconds(30))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  /** The process id of the running node B, from Liberty's pid file. */
  static long pid() throws IOException {
    Path file =
        Path.of(System.getProperty("annals.it.wlpDir"), "usr", "servers", ".pid", SERVER + ".pid");
    return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
  }

  /**
   * Node B's id in leases ({@code host/pid/start}), as its subscription driver logged it when the
   * current process started.
   */
  static String nodeId() throws IOException {
    Path log = ItServer.serverDir().resolveSibling(SERVER).resolve("logs/messages.log");
    List<String> ids =
        Files.readAllLines(log, StandardCharsets.UTF_8).stream()
            .filter(l -> l.contains(DRIVEN_FROM))
            .map(l -> l.substring(l.indexOf(DRIVEN_FROM) + DRIVEN_FROM.length()).trim())
            .toList();
    String id = ids.isEmpty() ? "" : ids.get(ids.size() - 1);
    if (!runsOnNodeB(id)) {
      throw new AssertionError("no node id of process " + pid() + " in " + log + ": " + ids);
    }
    return id;
  }

  /** Whether a lease's node id names the current node B process. */
  private static boolean runsOnNodeB(String nodeId) throws IOException {
    String[] parts = nodeId.split("/");
    return parts.length >= 3 && parts[1].equals(Long.toString(pid()));
  }

  /** Kills node B's process as a crash would ({@code kill -9}) and waits until it is gone. */
  static void kill() throws Exception {
    long pid = pid();
    ProcessHandle process =
        ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    process.destroyForcibly(); // SIGKILL: no shutdown hook, no lease handed back
    process.onExit().get(1, TimeUnit.MINUTES);
    LOG.info(() -> "Killed node B (process " + pid + ")");
  }

  /** Starts node B again and waits until it is ready (a killed one leaves its pid file behind). */
  static void start() throws Exception {
    try {
      ItServer.server("start", SERVER);
    } catch (IllegalStateException e) {
      // The start command gives up waiting for the "started" message on a slow machine; the
      // server may still come up: readiness decides.
      LOG.log(Level.INFO, "server start " + SERVER + ": {0}", e.getMessage());
    }
    awaitReady(Duration.ofMinutes(5));
  }

  /**
   * Makes node B drive the subscription, whichever node claimed it at its creation: gives B the
   * lease in the database (the other node's next advance fails its compare-and-set) and resumes the
   * subscription through B, which makes B claim its tenant's subscriptions at once rather than at
   * its next scan of every tenant; again until B has renewed the lease (a node busy starting, or
   * restarting its application, may let the lease lapse to the other node meanwhile).
   */
  static void drive(String tenant, String sub, String nodeB) throws Exception {
    long deadline = System.nanoTime() + TAKEOVER.toNanos();
    while (true) {
      Timestamp handed = handTo(tenant, sub, nodeB);
      // Not answering (a node restarting its application) only means: try again.
      post("/api/tenants/" + tenant + "/subscriptions/" + sub + "/resume");
      long attempt = System.nanoTime() + Duration.ofSeconds(8).toNanos();
      while (System.nanoTime() < attempt) {
        if (renewedSince(tenant, sub, nodeB, handed)) {
          return;
        }
        Thread.sleep(100);
      }
      assertTrue(System.nanoTime() < deadline, sub + " never driven by node B");
    }
  }

  /** Gives {@code node} the subscription's lease for 10 s; returns its end. */
  private static Timestamp handTo(String tenant, String sub, String node) throws Exception {
    try (Connection c = Db.ownerOf(tenant);
        var ps =
            c.prepareStatement(
                "UPDATE subscriptions SET node = ?, lease_until = now() + interval '10 seconds'"
                    + " WHERE tenant_id = ? AND name = ? RETURNING lease_until")) {
      ps.setString(1, node);
      ps.setString(2, tenant);
      ps.setString(3, sub);
      try (var rs = ps.executeQuery()) {
        assertTrue(rs.next(), sub);
        return rs.getTimestamp(1);
      }
    }
  }

  /** Whether the node renewed the lease it was handed: it drives the subscription now. */
  private static boolean renewedSince(String tenant, String sub, String node, Timestamp handed) {
    try (Connection c = Db.ownerOf(tenant);
        var ps =
            c.prepareStatement(
                "SELECT lease_until > ? FROM subscriptions"
                    + " WHERE tenant_id = ? AND name = ? AND node = ?")) {
      ps.setTimestamp(1, handed);
      ps.setString(2, tenant);
      ps.setString(3, sub);
      ps.setString(4, node);
      try (var rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
