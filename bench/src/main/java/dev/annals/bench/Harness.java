package dev.annals.bench;

import dev.annals.bench.driver.Payload;
import dev.annals.bench.driver.RunResult;
import dev.annals.bench.driver.Workload;
import dev.annals.bench.http.AnnalsHttp;
import dev.annals.bench.http.HttpLoad;
import dev.annals.bench.raw.Pgbench;
import dev.annals.bench.report.Measurements;
import dev.annals.bench.report.Method;
import dev.annals.bench.report.ResultsFile;
import dev.annals.bench.report.ResultsTable;
import dev.annals.bench.report.Row;
import dev.annals.bench.server.BenchDatabase;
import dev.annals.bench.server.BenchServer;
import dev.annals.devservices.DevServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One benchmark run: a fresh database on the one PostgreSQL server, the bench Liberty server on it,
 * seeded read data, then each workload and concurrency on the three sides back to back (raw, EJB,
 * HTTP, with ANALYZE and CHECKPOINT before each), the many-clients hold test, and the results file.
 */
public final class Harness {

  /**
   * What a run produced.
   *
   * @param rows the table
   * @param measurements every measured point
   * @param file where the table was written
   */
  public record Report(List<Row> rows, Measurements measurements, Path file) {}

  private static final Logger LOG = Logger.getLogger(Harness.class.getName());
  private static final String RUNTIME_ROLE = "annals_app";

  private final BenchConfig config;
  private final BenchDatabase db;
  private final List<RunResult> points = new ArrayList<>();

  public Harness(BenchConfig config) {
    this.config = config;
    this.db = new BenchDatabase(config);
  }

  /** Runs everything and writes the results file. */
  public Report run() throws IOException, InterruptedException, SQLException {
    Files.createDirectories(config.workDir());
    String started = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
    String loadBefore = Machine.load();
    Pgbench pgbench = new Pgbench(config, RUNTIME_ROLE);
    pgbench.clean();
    String pgbenchVersion = pgbench.version();
    db.recreate();
    LOG.info(() -> "Database " + config.dbName() + " created; starting " + BenchServer.NAME);
    RunResult hold;
    long allEvents;
    DevServices.Settings redis =
        new DevServices.Settings(config.workDir().resolve("redis"), 0, config.redisPort(), true);
    try (DevServices services = DevServices.start(redis);
        BenchServer server = BenchServer.start(config, services.environment());
        AnnalsHttp http = new AnnalsHttp(server.baseUri())) {
      db.grantRawWrites(RUNTIME_ROLE); // the server has migrated the database by now
      LOG.info(() -> "Server ready; seeding the read tenant");
      allEvents = seed(http);
      LOG.info("Seeded");
      warmUp(http);
      List<String[]> allStarts = db.allPageStarts(Payload.READ_TENANT, Payload.PAGE);
      for (int c : config.appendConcurrency()) {
        point(
            pgbench,
            http,
            Workload.APPEND_SINGLE,
            c,
            Pgbench.script(Workload.APPEND_SINGLE, config.rebuildEvents(), allStarts),
            1);
      }
      for (int c : config.batchConcurrency()) {
        point(
            pgbench,
            http,
            Workload.APPEND_BATCH,
            c,
            Pgbench.script(Workload.APPEND_BATCH, config.rebuildEvents(), allStarts),
            100);
      }
      int r = BenchConfig.READ_CONCURRENCY;
      for (Workload w : List.of(Workload.READ_STREAM, Workload.REBUILD, Workload.READ_ALL)) {
        long events =
            switch (w) {
              case READ_ALL -> allEvents;
              case REBUILD -> config.rebuildEvents();
              default -> w.eventsPerOperation();
            };
        point(pgbench, http, w, r, Pgbench.script(w, config.rebuildEvents(), allStarts), events);
      }
      checkpoint();
      LOG.info(
          () ->
              "Hold test: " + config.holdClients() + " HTTP clients for " + config.holdDuration());
      hold =
          HttpLoad.run(
              Workload.APPEND_SINGLE,
              config.holdClients(),
              config.warmup(),
              config.holdDuration(),
              http.operation(Workload.APPEND_SINGLE));
    }
    LOG.info("Server stopped");
    Measurements measurements = new Measurements(points, hold);
    List<Row> rows = ResultsTable.rows(config, measurements);
    Map<String, String> header = header(started, loadBefore, pgbenchVersion);
    ResultsFile.write(
        config.resultsFile(),
        header,
        rows,
        details(measurements),
        Method.text(config.poolMax(), config.rebuildEvents(), allEvents));
    return new Report(rows, measurements, config.resultsFile());
  }

  /** Creates the tenants and seeds the read tenant's streams; returns the read tenant's events. */
  private long seed(AnnalsHttp http) throws IOException, InterruptedException, SQLException {
    for (String tenant : List.of(Payload.WRITE_TENANT, Payload.RAW_TENANT, Payload.READ_TENANT)) {
      http.createTenant(tenant);
    }
    db.seedStream(Payload.READ_TENANT, Payload.READ_STREAM, Payload.READ_STREAM_EVENTS);
    db.seedStream(Payload.READ_TENANT, Payload.REBUILD_STREAM, config.rebuildEvents());
    db.vacuumAnalyze();
    return db.eventCount(Payload.READ_TENANT);
  }

  /**
   * Load on every workload, EJB and HTTP, before anything is measured, and thrown away: a fresh
   * Liberty needs minutes of load before the JIT has compiled its hot paths (measured with wrk:
   * HTTP appends at c=64 went 760, 1,580, 2,550, 3,530, 5,540 and then 5,850/s in consecutive 10 s
   * runs), which per-point warm-ups of a few seconds do not cover. What users run is the steady
   * state. The workloads take turns in three rounds, so each path is compiled with the others hot.
   */
  private void warmUp(AnnalsHttp http) throws IOException, InterruptedException {
    if (config.serverWarmup().isZero()) {
      return;
    }
    List<Workload> workloads =
        List.of(
            Workload.APPEND_SINGLE, Workload.APPEND_BATCH, Workload.READ_STREAM, Workload.READ_ALL);
    int rounds = 3;
    Duration each = config.serverWarmup().dividedBy(2L * rounds * workloads.size());
    LOG.info(() -> "Warming the server up for " + config.serverWarmup());
    for (int round = 0; round < rounds; round++) {
      for (Workload w : workloads) {
        int httpClients = w == Workload.APPEND_SINGLE ? 64 : 16;
        http.runInContainer(w, 8, Duration.ZERO, each);
        HttpLoad.run(w, httpClients, Duration.ZERO, each, http.operation(w));
      }
    }
  }

  private void point(
      Pgbench pgbench, AnnalsHttp http, Workload w, int c, String script, long eventsPerOp)
      throws IOException, InterruptedException, SQLException {
    checkpoint();
    LOG.info(() -> "Measuring " + w + " at concurrency " + c + ": raw");
    points.add(pgbench.run(w, script, c, eventsPerOp));
    checkpoint();
    LOG.info(() -> "Measuring " + w + " at concurrency " + c + ": EJB");
    points.add(http.runInContainer(w, c, config.warmup(), config.duration()));
    checkpoint();
    LOG.info(() -> "Measuring " + w + " at concurrency " + c + ": HTTP");
    points.add(HttpLoad.run(w, c, config.warmup(), config.duration(), http.operation(w)));
  }

  /**
   * ANALYZE and CHECKPOINT before each full-run side; quick mode skips them (it measures nothing).
   */
  private void checkpoint() throws SQLException {
    if (!config.quick()) {
      db.analyzeAndCheckpoint();
    }
  }

  private Map<String, String> header(String started, String loadBefore, String pgbenchVersion)
      throws SQLException {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("command", "`" + config.command() + "`" + (config.quick() ? " (quick mode)" : ""));
    h.put("started", started);
    Machine.facts(config.wlpDir()).forEach(h::put);
    Map<String, String> pg = db.facts();
    h.put(
        "PostgreSQL",
        pg.get("server_version")
            + " at "
            + config.dbHost()
            + ":"
            + config.dbPort()
            + ", database `"
            + config.dbName()
            + "`, shared_buffers "
            + pg.get("shared_buffers")
            + ", max_connections "
            + pg.get("max_connections")
            + ", autovacuum "
            + pg.get("autovacuum")
            + " (the harness runs ANALYZE and CHECKPOINT before each side)");
    h.put(
        "durability",
        "fsync="
            + pg.get("fsync")
            + ", synchronous_commit="
            + pg.get("synchronous_commit")
            + ", full_page_writes="
            + pg.get("full_page_writes")
            + ", wal_sync_method="
            + pg.get("wal_sync_method"));
    h.put("pgbench", pgbenchVersion);
    h.put(
        "durations",
        "server warm-up "
            + seconds(config.serverWarmup())
            + " (every workload, EJB and HTTP, unmeasured), then warm-up "
            + seconds(config.warmup())
            + ", measured "
            + seconds(config.duration())
            + " per point"
            + (config.quick() ? " (pgbench: fixed transaction counts)" : ""));
    h.put("load average (1, 5, 15 min)", "before " + loadBefore + "; after " + Machine.load());
    return h;
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static String details(Measurements m) {
    StringBuilder t = new StringBuilder();
    t.append("| side | workload | c | operations | events | errors | seconds | ops/s | events/s")
        .append(" | p50 ms | p99 ms |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (RunResult r : m.all()) {
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d | %d | %d | %.1f | %,.0f | %,.0f | %.2f | %.2f |%n",
              r.side(),
              r.workload(),
              r.concurrency(),
              r.operations(),
              r.events(),
              r.errors(),
              r.seconds(),
              r.operationsPerSecond(),
              r.eventsPerSecond(),
              r.p50Millis(),
              r.p99Millis()));
    }
    List<String> errors =
        m.all().stream()
            .filter(r -> !r.firstError().isEmpty())
            .map(
                r ->
                    "- "
                        + r.side()
                        + " "
                        + r.workload()
                        + " c="
                        + r.concurrency()
                        + ": `"
                        + r.firstError().replace('`', '\'')
                        + "`")
            .toList();
    if (!errors.isEmpty()) {
      t.append("\nFirst error of each point that had one:\n\n")
          .append(String.join("\n", errors))
          .append('\n');
    }
    return t.toString();
  }
}
