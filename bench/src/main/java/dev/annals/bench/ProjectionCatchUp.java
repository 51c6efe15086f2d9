package dev.annals.bench;

import dev.annals.bench.driver.RunResult;
import dev.annals.bench.driver.Workload;
import dev.annals.bench.http.AnnalsHttp;
import dev.annals.bench.server.BenchDatabase;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Subscription catch-up into an in-process projection, against a raw $all page scan of the same
 * events in the same run. A tenant of its own gets {@code bench.projection.events} events (100,000;
 * 5,000 in quick mode; seeded with SQL); once its statistics projection has caught up, a rebuild
 * reads them all again through the subscription machinery (leases, checkpoint compare-and-set, one
 * JTA transaction per batch with the projection's upsert) and is timed by the server's own clock
 * (the rebuild's start to the switch). The raw side pages the same events with the same read
 * function, page size and order as a subscription does, as the owner over JDBC, doing nothing with
 * them. Each side runs once unmeasured first.
 */
final class ProjectionCatchUp {

  /** The tenant whose events are caught up. */
  static final String TENANT = "bench_projection";

  private static final Logger LOG = Logger.getLogger(ProjectionCatchUp.class.getName());
  private static final String PATH = "/api/tenants/" + TENANT + "/projections/statistics";
  private static final Duration PATIENCE = Duration.ofMinutes(10);

  /**
   * The projections' batch size on the bench server, while catching up too (the shipped defaults of
   * {@code annals.projections.batch-size} and {@code annals.projections.catch-up-batch-size}), and
   * the raw page: the same page size on both sides. {@code bench.projection.page} changes the raw
   * page, for a server configured otherwise (e.g. {@code ANNALS_PROJECTIONS_CATCH_UP_BATCH_SIZE} in
   * the harness's environment, which the bench server inherits).
   */
  static final int PAGE = 1000;

  private final BenchConfig config;
  private final BenchDatabase db;

  ProjectionCatchUp(BenchConfig config, BenchDatabase db) {
    this.config = config;
    this.db = db;
  }

  /** Events the tenant gets. */
  int events() {
    return Integer.parseInt(
        System.getProperty("bench.projection.events", config.quick() ? "5000" : "100000"));
  }

  /** Seeds the tenant; its projection starts catching up at once. */
  void seed(AnnalsHttp http) throws IOException, InterruptedException, SQLException {
    http.createTenant(TENANT);
    db.seedStream(TENANT, "catch-up", events());
  }

  /** The raw scan's and the projection's points. */
  List<RunResult> measure(AnnalsHttp http) throws IOException, InterruptedException, SQLException {
    int n = events();
    int page = Integer.getInteger("bench.projection.page", PAGE);
    awaitCaughtUp(http, http.admin(PATH, false, 200).getInt("generation")); // 1 at first
    db.scanAll(TENANT, page); // unmeasured
    long t0 = System.nanoTime();
    long scanned = db.scanAll(TENANT, page);
    double rawSeconds = (System.nanoTime() - t0) / 1e9;
    rebuild(http); // unmeasured
    double seconds = rebuild(http);
    long pages = (n + page - 1) / page;
    LOG.info(
        () ->
            String.format(
                "Catch-up of %,d events: projection %.2f s, raw scan %.2f s",
                n, seconds, rawSeconds));
    return List.of(
        point("raw", pages, scanned, rawSeconds, n == scanned ? "" : "scanned " + scanned),
        point("ejb", pages, n, seconds, ""));
  }

  /** Rebuilds the projection and waits for the switch; the server's seconds from start to it. */
  private double rebuild(AnnalsHttp http) throws IOException, InterruptedException {
    JsonObject started = http.admin(PATH + "/rebuild", true, 202);
    int generation = started.getJsonObject("rebuild").getInt("generation");
    JsonObject done = awaitCaughtUp(http, generation);
    Instant from = Instant.parse(started.getJsonObject("rebuild").getString("startedAt"));
    Instant to = Instant.parse(done.getString("lastRebuildFinishedAt"));
    return Duration.between(from, to).toNanos() / 1e9;
  }

  /** Waits until {@code generation} is live with no lag and no rebuild under way. */
  private JsonObject awaitCaughtUp(AnnalsHttp http, int generation)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (true) {
      JsonObject p = http.admin(PATH, false, 200);
      if (p.getInt("generation") == generation
          && !p.containsKey("rebuild")
          && p.getJsonNumber("lagEvents").longValue() == 0
          && !p.getString("checkpoint").equals("0-0")) {
        return p;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IOException("the statistics projection did not catch up: " + p);
      }
      // Not tighter: each look counts the lag (a scan of the events behind the checkpoint) and
      // would compete with the rebuild it watches; the times come from the server's clock anyway.
      Thread.sleep(250);
    }
  }

  /**
   * Rounds of {@link #measure} as a Markdown table: each round's raw scan and projection, and the
   * projection's ratio to the raw scan of its round.
   */
  static String markdown(List<RunResult> rounds) {
    StringBuilder t =
        new StringBuilder(
            "| round | raw events/s | raw ms per page | projection events/s"
                + " | projection ms per batch | ratio |\n|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i + 1 < rounds.size(); i += 2) {
      RunResult raw = rounds.get(i);
      RunResult ejb = rounds.get(i + 1);
      t.append(
          String.format(
              java.util.Locale.ROOT,
              "| %d | %,.0f | %.2f | %,.0f | %.2f | %.2f |%n",
              i / 2 + 1,
              raw.eventsPerSecond(),
              raw.p50Millis(),
              ejb.eventsPerSecond(),
              ejb.p50Millis(),
              ejb.eventsPerSecond() / raw.eventsPerSecond()));
    }
    return t.toString();
  }

  private static RunResult point(
      String side, long operations, long events, double seconds, String error) {
    double perPage = operations > 0 ? seconds * 1000 / operations : 0;
    return new RunResult(
        side,
        Workload.PROJECTION_CATCH_UP,
        1,
        operations,
        events,
        error.isEmpty() ? 0 : 1,
        seconds,
        perPage,
        perPage,
        error);
  }
}
