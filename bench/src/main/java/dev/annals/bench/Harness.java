package dev.annals.bench;

import dev.annals.bench.console.ConsoleFirstPaint;
import dev.annals.bench.driver.Payload;
import dev.annals.bench.driver.RunResult;
import dev.annals.bench.driver.Workload;
import dev.annals.bench.http.AnnalsHttp;
import dev.annals.bench.http.HttpLoad;
import dev.annals.bench.http.Wrk;
import dev.annals.bench.live.LiveBench;
import dev.annals.bench.live.LiveConfig;
import dev.annals.bench.raw.Pgbench;
import dev.annals.bench.report.ConsoleRows;
import dev.annals.bench.report.FloorSection;
import dev.annals.bench.report.LiveRows;
import dev.annals.bench.report.Measurements;
import dev.annals.bench.report.Method;
import dev.annals.bench.report.PointsTable;
import dev.annals.bench.report.ResultsFile;
import dev.annals.bench.report.ResultsTable;
import dev.annals.bench.report.Row;
import dev.annals.bench.report.SagaRows;
import dev.annals.bench.saga.SagaBench;
import dev.annals.bench.server.BenchDatabase;
import dev.annals.bench.server.BenchServer;
import dev.annals.devservices.DevIssuer;
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
import java.util.Map;
import java.util.logging.Logger;

/**
 * One benchmark run: a fresh database on the one PostgreSQL server, the bench Liberty server on it,
 * seeded read data, then each workload and concurrency on the three sides back to back (raw, EJB,
 * HTTP, with ANALYZE and CHECKPOINT before each), the many-clients hold test, the delivery
 * benchmarks (with a second node), and the results file.
 */
public final class Harness {

  /**
   * What a run produced.
   *
   * @param rows the table
   * @param measurements every measured point
   * @param floor the wrk runs of the per-request floor
   * @param live the delivery benchmarks (null in a floor-only run)
   * @param file where the table was written
   */
  public record Report(
      List<Row> rows,
      Measurements measurements,
      List<Wrk.Result> floor,
      LiveBench.Results live,
      Path file) {}

  private static final Logger LOG = Logger.getLogger(Harness.class.getName());
  private static final String RUNTIME_ROLE = "annals_app";

  private final BenchConfig config;
  private final FloorRun floorRun;
  private final BenchDatabase db;
  private final ProjectionCatchUp catchUp;
  private final WebhookDelivery webhooks;
  private final List<RunResult> points = new ArrayList<>();

  public Harness(BenchConfig config) {
    this.config = config;
    this.floorRun = new FloorRun(config);
    this.db = new BenchDatabase(config);
    this.catchUp = new ProjectionCatchUp(config, db);
    this.webhooks = new WebhookDelivery(config, db);
  }

  /** Only the delivery steps, as in the full run (after the same seeding), into their own file. */
  private Report deliveryOnly(
      AnnalsHttp http, String started, String loadBefore, String pgbench, String wrk)
      throws IOException, InterruptedException, SQLException {
    checkpoint();
    points.addAll(catchUp.measure(http));
    checkpoint();
    points.addAll(webhooks.measure(http));
    Measurements m = new Measurements(points, null);
    List<Row> rows = ResultsTable.deliveryRows(config, m);
    ResultsFile.writeDeliveryOnly(
        config.resultsFile(),
        RunHeader.of(config, db, started, loadBefore, pgbench, wrk),
        rows,
        PointsTable.markdown(m));
    return new Report(rows, m, List.of(), null, config.resultsFile());
  }

  /** The embedded services' environment, and the issuer the server trusts. */
  private static Map<String, String> serverEnvironment(DevServices services, DevIssuer issuer) {
    Map<String, String> env = new LinkedHashMap<>(services.environment());
    env.putAll(issuer.environment());
    return env;
  }

  /** Runs everything and writes the results file. */
  public Report run() throws IOException, InterruptedException, SQLException {
    Files.createDirectories(config.workDir());
    String started = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
    String loadBefore = Machine.load();
    Pgbench pgbench = new Pgbench(config, RUNTIME_ROLE);
    pgbench.clean();
    String pgbenchVersion = pgbench.version();
    String wrkVersion = floorRun.wrk(null, Map.of()).version();
    List<Wrk.Result> floor;
    db.recreate();
    db.requireConnections(config.maxConcurrency());
    LOG.info(() -> "Database " + config.dbName() + " created; starting " + BenchServer.NAME);
    RunResult hold;
    LiveBench.Results live;
    long allEvents;
    SagaBench.Results sagas;
    ConsoleFirstPaint.Results console;
    DevServices.Settings redis =
        new DevServices.Settings(config.workDir().resolve("redis"), 0, config.redisPort(), true);
    DevIssuer issuer = DevIssuer.openOrCreate(config.workDir().resolve("issuer"));
    try (DevServices services = DevServices.start(redis);
        BenchServer server = BenchServer.start(config, serverEnvironment(services, issuer));
        AnnalsHttp http = new AnnalsHttp(server.baseUri(), issuer)) {
      db.grantRawWrites(RUNTIME_ROLE); // the server has migrated the database by now
      http.createTenant(SagaBench.TENANT);
      if (config.sagasOnly()) {
        List<Row> rows = SagaRows.rows(SagaBench.run(config, server.baseUri(), issuer));
        ResultsFile.writeSagasOnly(
            config.resultsFile(),
            RunHeader.of(config, db, started, loadBefore, pgbenchVersion, wrkVersion),
            rows);
        return new Report(
            rows, new Measurements(List.of(), null), List.of(), null, config.resultsFile());
      }
      if (config.catchUpOnly()) {
        catchUp.seed(http);
        List<RunResult> rounds = new ArrayList<>();
        for (int i = 0; i < config.catchUpRounds(); i++) {
          checkpoint();
          rounds.addAll(catchUp.measure(http));
        }
        ResultsFile.writeCatchUpOnly(
            config.resultsFile(),
            RunHeader.of(config, db, started, loadBefore, pgbenchVersion, wrkVersion),
            ProjectionCatchUp.markdown(rounds));
        return new Report(
            List.of(),
            new Measurements(rounds, rounds.get(0)),
            List.of(),
            null,
            config.resultsFile());
      }
      LOG.info(() -> "Server ready; seeding the read tenant");
      allEvents = seed(http);
      catchUp.seed(http);
      webhooks.seed(http);
      LOG.info("Seeded");
      if (config.deliveryOnly()) {
        return deliveryOnly(http, started, loadBefore, pgbenchVersion, wrkVersion);
      }
      if (config.floorOnly()) {
        Wrk wrk =
            floorRun.wrk(server.baseUri(), Map.of("Authorization", http.clientAuthorization()));
        floorRun.warmUp(wrk);
        floor = floorRun.measure(wrk);
        ResultsFile.writeFloorOnly(
            config.resultsFile(),
            RunHeader.of(config, db, started, loadBefore, pgbenchVersion, wrkVersion),
            FloorSection.markdown(
                floor,
                wrkVersion,
                config.wrkConnections(),
                BenchConfig.WRK_THREADS,
                RunHeader.seconds(config.wrkDuration())));
        return new Report(
            List.of(), new Measurements(List.of(), null), floor, null, config.resultsFile());
      }
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
      versionPoints(http);
      checkpoint();
      points.addAll(catchUp.measure(http));
      checkpoint();
      points.addAll(webhooks.measure(http));
      checkpoint();
      sagas = SagaBench.run(config, server.baseUri(), issuer);
      checkpoint();
      floor =
          floorRun.measure(
              floorRun.wrk(server.baseUri(), Map.of("Authorization", http.clientAuthorization())));
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
      LiveConfig liveConfig =
          LiveConfig.fromSystemProperties(config.quick(), config.httpPort(), config.jmsPort());
      Map<String, String> env = serverEnvironment(services, issuer);
      live = LiveBench.run(config, liveConfig, issuer, http, server.baseUri(), env);
      checkpoint();
      // Last: its volume (1,000,000 events, 100,000 letters written with SQL) would otherwise
      // still be checkpointing and vacuuming under the floor, hold and delivery steps.
      console = ConsoleFirstPaint.run(config, server.baseUri(), issuer, http, db);
    }
    LOG.info("Server stopped");
    Measurements measurements = new Measurements(points, hold);
    List<Row> rows = new ArrayList<>(ResultsTable.rows(config, measurements));
    rows.addAll(SagaRows.rows(sagas));
    rows.addAll(ConsoleRows.rows(console));
    rows.addAll(LiveRows.rows(live));
    Map<String, String> header =
        RunHeader.of(config, db, started, loadBefore, pgbenchVersion, wrkVersion);
    String window = RunHeader.seconds(config.wrkDuration());
    ResultsFile.write(
        config.resultsFile(),
        header,
        rows,
        FloorSection.markdown(
            floor, wrkVersion, config.wrkConnections(), BenchConfig.WRK_THREADS, window),
        PointsTable.markdown(measurements),
        Method.text(config.poolMax(), config.rebuildEvents(), allEvents));
    return new Report(rows, measurements, floor, live, config.resultsFile());
  }

  /** Creates the tenants and seeds the read tenant's streams; returns the read tenant's events. */
  private long seed(AnnalsHttp http) throws IOException, InterruptedException, SQLException {
    for (String tenant : List.of(Payload.WRITE_TENANT, Payload.RAW_TENANT, Payload.READ_TENANT)) {
      http.createTenant(tenant);
    }
    db.seedStream(Payload.READ_TENANT, Payload.READ_STREAM, Payload.READ_STREAM_EVENTS);
    db.seedStream(Payload.READ_TENANT, Payload.SMALL_STREAM, 1);
    db.seedStream(Payload.READ_TENANT, Payload.REBUILD_STREAM, config.rebuildEvents());
    seedVersions(http);
    db.vacuumAnalyze();
    return db.eventCount(Payload.READ_TENANT);
  }

  /**
   * The event-sourcing workloads' tenant: a 1,000-event stream of schema version 1 and its two
   * chained declarative upcasters, and two research workflows as long as the rebuild stream, one
   * with a snapshot {@link Payload#SNAPSHOT_TAIL} events below its head.
   */
  private void seedVersions(AnnalsHttp http)
      throws IOException, InterruptedException, SQLException {
    String tenant = Payload.VERSIONS_TENANT;
    http.createTenant(tenant);
    db.seedStream(
        tenant, Payload.UPCAST_STREAM, Payload.READ_STREAM_EVENTS, Payload.UPCAST_TYPE, 1);
    for (int i = 0; i < Payload.UPCASTER_OPERATIONS.length; i++) {
      // both lift the stored type: the second one's renameType ends the chain
      http.putUpcaster(Payload.UPCAST_TYPE, i + 1, Payload.UPCASTER_OPERATIONS[i]);
    }
    int events = config.rebuildEvents();
    db.seedWorkflow(tenant, Payload.WORKFLOW_WITH_SNAPSHOT, events);
    db.seedWorkflow(tenant, Payload.WORKFLOW_WITHOUT_SNAPSHOT, events);
    http.snapshotWorkflow(Payload.WORKFLOW_WITH_SNAPSHOT, events - Payload.SNAPSHOT_TAIL);
  }

  /**
   * The event-sourcing points, EJB only: the 1,000-event read through two upcasters (beside the
   * plain read measured just before, in the same run), and the workflow rebuilt with and without a
   * snapshot.
   */
  private void versionPoints(AnnalsHttp http)
      throws IOException, InterruptedException, SQLException {
    int r = BenchConfig.READ_CONCURRENCY;
    for (Workload w :
        List.of(
            Workload.READ_STREAM,
            Workload.READ_UPCAST,
            Workload.AGGREGATE_SNAPSHOT,
            Workload.AGGREGATE_FULL)) {
      checkpoint();
      LOG.info(() -> "Measuring " + w + " at concurrency " + r + ": EJB");
      RunResult result = http.runInContainer(w, r, config.warmup(), config.duration());
      points.add(
          w == Workload.READ_STREAM
              ? new RunResult(
                  ResultsTable.BASELINE_SIDE,
                  result.workload(),
                  result.concurrency(),
                  result.operations(),
                  result.events(),
                  result.errors(),
                  result.seconds(),
                  result.p50Millis(),
                  result.p99Millis(),
                  result.firstError())
              : result);
    }
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
}
