package dev.annals.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What one benchmark run does and where. Every value comes from a system property {@code bench.*}
 * (the Maven module passes them), with the defaults of the full run; {@code bench.quick=true}
 * switches to the tiny durations the build's test uses so the harness cannot rot.
 *
 * @param quick tiny durations and fewer concurrency levels: proves the harness works, measures
 *     nothing worth quoting
 * @param moduleDir the bench module's directory
 * @param wlpDir the Liberty install the ear module created
 * @param annalsEar the ear module's EAR
 * @param serverConfigDir server.xml and jvm.options as shipped
 * @param workDir scratch space: pgbench scripts and logs, the assembled EAR, Redis data
 * @param resultsFile where the table is written
 * @param dbHost PostgreSQL host for Annals and pgbench alike
 * @param dbPort PostgreSQL port
 * @param dbName the benchmark database, dropped and recreated by every run
 * @param dbOwner a superuser: creates the database, runs migrations (Annals' DB_USER)
 * @param httpPort the bench server's HTTP port
 * @param jmsPort the bench server's messaging port
 * @param redisPort the embedded Redis the bench server uses
 * @param poolMax the server's runtime pool size (DB_POOL_MAX)
 * @param serverWarmup load on the fresh server before anything is measured, so the JIT has compiled
 *     the hot paths (Liberty needs tens of seconds; a per-point warm-up is too short)
 * @param warmup warm-up before every measured point
 * @param duration measured window of every point
 * @param appendConcurrency concurrency levels of the single-event appends
 * @param batchConcurrency concurrency levels of the 100-event appends
 * @param rebuildEvents events in the stream the rebuild workload reads page by page
 * @param holdClients HTTP clients of the hold test
 * @param holdDuration how long the hold test keeps them busy
 * @param pgbench the pgbench executable
 * @param wrk the wrk executable (the per-request floor at 64 connections)
 * @param wrkConnections connections wrk keeps open
 * @param wrkWarmup unmeasured wrk run before each measured one
 * @param wrkDuration measured window of each wrk request
 * @param floorOnly measure only the per-request floor (wrk), into its own file
 * @param jfr record the server with Java Flight Recorder (file in workDir)
 * @param command the command line to print in the results
 */
public record BenchConfig(
    boolean quick,
    Path moduleDir,
    Path wlpDir,
    Path annalsEar,
    Path serverConfigDir,
    Path workDir,
    Path resultsFile,
    String dbHost,
    int dbPort,
    String dbName,
    String dbOwner,
    int httpPort,
    int jmsPort,
    int redisPort,
    int poolMax,
    Duration serverWarmup,
    Duration warmup,
    Duration duration,
    List<Integer> appendConcurrency,
    List<Integer> batchConcurrency,
    int rebuildEvents,
    int holdClients,
    Duration holdDuration,
    String pgbench,
    String wrk,
    int wrkConnections,
    Duration wrkWarmup,
    Duration wrkDuration,
    boolean floorOnly,
    boolean jfr,
    String command) {

  /** wrk's threads: one per core of the machine this harness was written on. */
  public static final int WRK_THREADS = 2;

  /** Concurrency of the read workloads: one caller, so latency is the latency of one read. */
  public static final int READ_CONCURRENCY = 1;

  /** Reads the {@code bench.*} system properties. */
  public static BenchConfig fromSystemProperties() {
    boolean quick = Boolean.parseBoolean(prop("bench.quick", "false"));
    Path module = Path.of(prop("bench.moduleDir", ".")).toAbsolutePath().normalize();
    Path root = module.getParent();
    Path work = Path.of(prop("bench.workDir", module.resolve("target/bench").toString()));
    return new BenchConfig(
        quick,
        module,
        Path.of(prop("bench.wlpDir", root.resolve("ear/target/liberty/wlp").toString())),
        Path.of(prop("bench.ear", root.resolve("ear/target/annals.ear").toString())),
        Path.of(
            prop(
                "bench.serverConfigDir",
                root.resolve("server-config/src/main/liberty/config").toString())),
        work,
        Path.of(
            prop(
                "bench.results",
                quick
                    ? work.resolve("RESULTS.md").toString()
                    : module.resolve(resultsName()).toString())),
        prop("bench.db.host", "127.0.0.1"),
        Integer.parseInt(prop("bench.db.port", "5432")),
        prop("bench.db.name", quick ? "annals_bench_quick" : "annals_bench"),
        prop("bench.db.owner", "postgres"),
        Integer.parseInt(prop("bench.http.port", "9380")),
        Integer.parseInt(prop("bench.jms.port", "7496")),
        Integer.parseInt(prop("bench.redis.port", "36479")),
        Integer.parseInt(prop("bench.pool.max", "20")),
        Duration.ofMillis(Long.parseLong(prop("bench.serverWarmupMs", quick ? "0" : "240000"))),
        Duration.ofMillis(Long.parseLong(prop("bench.warmupMs", quick ? "0" : "5000"))),
        Duration.ofMillis(Long.parseLong(prop("bench.durationMs", quick ? "300" : "10000"))),
        ints(prop("bench.append.concurrency", quick ? "1,8" : "1,8,32,64")),
        ints(prop("bench.batch.concurrency", quick ? "1" : "1,8,32")),
        Integer.parseInt(prop("bench.rebuild.events", quick ? "2000" : "10000")),
        Integer.parseInt(prop("bench.hold.clients", quick ? "50" : "1000")),
        Duration.ofMillis(Long.parseLong(prop("bench.hold.durationMs", quick ? "1000" : "60000"))),
        prop("bench.pgbench", "pgbench"),
        prop("bench.wrk", "wrk"),
        Integer.parseInt(prop("bench.wrk.connections", "64")),
        Duration.ofMillis(Long.parseLong(prop("bench.wrk.warmupMs", quick ? "0" : "10000"))),
        Duration.ofMillis(Long.parseLong(prop("bench.wrk.durationMs", quick ? "1000" : "20000"))),
        Boolean.parseBoolean(prop("bench.floorOnly", "false")),
        Boolean.parseBoolean(prop("bench.jfr", "false")),
        prop("bench.command", "./mvnw -B -pl bench exec:java"));
  }

  private static String prop(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static List<Integer> ints(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }

  /** The results file of a full run, or of the one part a {@code bench.*Only} flag asks for. */
  private static String resultsName() {
    for (String part : List.of("floor", "sagas", "delivery", "catchUp")) {
      if (Boolean.parseBoolean(prop("bench." + part + "Only", "false"))) {
        return "RESULTS-" + part.toLowerCase(Locale.ROOT) + ".md";
      }
    }
    return "RESULTS.md";
  }

  /** The most pgbench clients any point runs at once. */
  public int maxConcurrency() {
    return Stream.concat(appendConcurrency.stream(), batchConcurrency.stream())
        .mapToInt(Integer::intValue)
        .max()
        .orElse(1);
  }

  /**
   * Whether to run only the delivery steps, projection catch-up and webhook delivery with failures
   * ({@code bench.deliveryOnly}).
   */
  public boolean deliveryOnly() {
    return Boolean.parseBoolean(prop("bench.deliveryOnly", "false"));
  }

  /** Whether to run the saga benchmark alone ({@code bench.sagasOnly}). */
  public boolean sagasOnly() {
    return Boolean.parseBoolean(prop("bench.sagasOnly", "false"));
  }

  /** Whether to run the projection catch-up alone ({@code bench.catchUpOnly}). */
  public boolean catchUpOnly() {
    return Boolean.parseBoolean(prop("bench.catchUpOnly", "false"));
  }

  /** How many times a catch-up-only run measures both sides ({@code bench.catchUp.rounds}). */
  public int catchUpRounds() {
    return Math.max(1, Integer.parseInt(prop("bench.catchUp.rounds", "3")));
  }

  /** Callers starting sagas in the saga throughput run ({@code bench.sagas.clients}). */
  public int sagaClients() {
    return Integer.parseInt(prop("bench.sagas.clients", quick ? "2" : "8"));
  }

  /** JDBC URL of the benchmark database. */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + dbName;
  }
}
