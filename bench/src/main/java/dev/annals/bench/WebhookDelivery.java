package dev.annals.bench;

import com.sun.net.httpserver.HttpServer;
import dev.annals.bench.driver.RunResult;
import dev.annals.bench.driver.Workload;
import dev.annals.bench.http.AnnalsHttp;
import dev.annals.bench.report.ResultsTable;
import dev.annals.bench.server.BenchDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Webhook delivery throughput when 1% of the events fail once, against delivery with none failing,
 * in the same run. A tenant of its own gets {@code bench.webhook.events} events (10,000; 1,000 in
 * quick mode; seeded with SQL over {@value #STREAMS} streams, so an event that leaves the flow as a
 * retrying letter parks only the rest of its own stream); each run creates a webhook subscription
 * from the beginning to a receiver in the harness ({@code com.sun.net.httpserver}, answering 204)
 * and is timed from the subscription's creation until the receiver holds every event. With
 * failures, the receiver answers 500 to the first batch carrying a marked event (one event id in
 * 100, by hash) and accepts it afterwards: the subscription tries the batch whole once more at
 * once, and an event failing again would retry beside the flow (a retrying letter) rather than hold
 * it; nothing is given up. Runs: one unmeasured without failures and one with, then one measured
 * without ({@code ejb-none-failing}), one with failures under the shipped default policy ({@code
 * ejb}) and one under a policy with 10 ms backoff ({@code ejb-short-backoff}).
 */
final class WebhookDelivery {

  /** The tenant whose events are delivered. */
  static final String TENANT = "bench_webhooks";

  /** The streams the events are seeded over. */
  static final int STREAMS = 100;

  private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());
  private static final Duration PATIENCE = Duration.ofMinutes(20);
  private static final String SHORT_POLICY =
      "{\"maxAttempts\":5,\"initialBackoffMs\":10,\"maxBackoffMs\":100,"
          + "\"breaker\":{\"failureRatio\":0.5,\"window\":20,\"delayMs\":30000}}";

  private final BenchConfig config;
  private final BenchDatabase db;
  private final Set<String> delivered = ConcurrentHashMap.newKeySet();
  private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();
  private volatile boolean failing;
  private int runs;

  WebhookDelivery(BenchConfig config, BenchDatabase db) {
    this.config = config;
    this.db = db;
  }

  int events() {
    return Integer.parseInt(
        System.getProperty("bench.webhook.events", config.quick() ? "1000" : "10000"));
  }

  void seed(AnnalsHttp http) throws IOException, InterruptedException, SQLException {
    http.createTenant(TENANT);
    int n = events();
    for (int i = 0; i < STREAMS; i++) {
      int share = n / STREAMS + (i < n % STREAMS ? 1 : 0);
      if (share > 0) {
        db.seedStream(TENANT, "deliver-" + i, share);
      }
    }
  }

  /**
   * The points without failures, with failures under the default policy, and with 10 ms backoff.
   */
  List<RunResult> measure(AnnalsHttp http) throws IOException, InterruptedException {
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> answer(exchange));
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    try {
      // Both paths warmed up alike before any is measured: the JIT still speeds up run by run.
      run(http, url, false, null); // unmeasured
      run(http, url, true, null); // unmeasured
      List<RunResult> points = new ArrayList<>();
      points.add(point(ResultsTable.NONE_FAILING_SIDE, run(http, url, false, null)));
      points.add(point("ejb", run(http, url, true, null)));
      points.add(point(ResultsTable.SHORT_BACKOFF_SIDE, run(http, url, true, SHORT_POLICY)));
      return points;
    } finally {
      receiver.stop(0);
    }
  }

  private void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    JsonObject batch;
    try (InputStream in = exchange.getRequestBody();
        JsonReader reader = Json.createReader(in)) {
      batch = reader.readObject();
    }
    List<String> ids = new ArrayList<>();
    for (JsonValue e : batch.getJsonArray("events")) {
      ids.add(e.asJsonObject().getString("eventId"));
    }
    boolean fail = false;
    if (failing) {
      for (String id : ids) {
        if (Math.floorMod(id.hashCode(), 100) == 0 && failedOnce.add(id)) {
          fail = true;
        }
      }
    }
    if (!fail) {
      delivered.addAll(ids);
    }
    exchange.sendResponseHeaders(fail ? 500 : 204, -1);
    exchange.close();
  }

  /** One subscription from the beginning until the receiver holds every event; its seconds. */
  private double run(AnnalsHttp http, String url, boolean withFailures, String policy)
      throws IOException, InterruptedException {
    delivered.clear();
    failedOnce.clear();
    failing = withFailures;
    String name = "bench-hook-" + (++runs);
    String base = "/api/tenants/" + TENANT + "/subscriptions";
    long t0 = System.nanoTime();
    http.admin(
        "POST",
        base,
        "{\"name\":\""
            + name
            + "\",\"start\":\"beginning\",\"target\":{\"webhook\":{\"url\":\""
            + url
            + "\"}}}",
        201);
    if (policy != null) {
      http.admin("PUT", base + "/" + name + "/policy", policy, 200);
    }
    int n = events();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (delivered.size() < n) {
      if (System.nanoTime() > deadline) {
        throw new IOException(name + " delivered " + delivered.size() + " of " + n);
      }
      Thread.sleep(5);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    http.admin("DELETE", base + "/" + name, null, 200);
    LOG.info(
        () ->
            String.format(
                "Webhook delivery of %,d events%s: %.2f s (%d failed once)",
                n, withFailures ? ", 1% failing once" : "", seconds, failedOnce.size()));
    return seconds;
  }

  private RunResult point(String side, double seconds) {
    return new RunResult(
        side,
        Workload.WEBHOOK_DELIVERY,
        1,
        1,
        events(),
        0,
        seconds,
        seconds * 1000,
        seconds * 1000,
        "");
  }
}
