package dev.annals.bench.raw;

import dev.annals.bench.BenchConfig;
import dev.annals.bench.BenchPasswords;
import dev.annals.bench.driver.Payload;
import dev.annals.bench.driver.RunResult;
import dev.annals.bench.driver.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the raw side with pgbench against the benchmark database, as Annals' runtime role, in
 * prepared mode (Annals' driver also ends up with server-side prepared statements). A warm-up run
 * precedes each measured run; latency percentiles come from pgbench's per-transaction log.
 */
public final class Pgbench {

  private static final Logger LOG = Logger.getLogger(Pgbench.class.getName());
  private static final Pattern PROCESSED =
      Pattern.compile("number of transactions actually processed: (\\d+)");
  private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");
  private static final int QUICK_WRITES_PER_CLIENT = 20;
  private static final int QUICK_READS_PER_CLIENT = 3;

  private final BenchConfig config;
  private final String role;
  private int runs;

  public Pgbench(BenchConfig config, String role) {
    this.config = config;
    this.role = role;
  }

  /**
   * Empties the scripts and logs of earlier runs: percentiles are computed from every log file in a
   * run's directory, so a leftover file would mix an old run's latencies into a new one.
   */
  public void clean() throws IOException {
    Path dir = config.workDir().resolve("pgbench");
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** The installed pgbench's version line, e.g. {@code pgbench (PostgreSQL) 15.20}. */
  public String version() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(config.pgbench(), "--version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  /**
   * The script of a workload.
   *
   * @param rebuildEvents events in the rebuild stream
   * @param allPageStarts the checkpoints each page of the read tenant's $all continues after
   */
  public static String script(Workload workload, int rebuildEvents, List<String[]> allPageStarts) {
    return switch (workload) {
      case APPEND_SINGLE -> RawScripts.appendSingle();
      case APPEND_BATCH -> RawScripts.appendBatch();
      case READ_STREAM -> RawScripts.readStream(Payload.READ_STREAM, Payload.READ_STREAM_EVENTS);
      case REBUILD -> RawScripts.readStream(Payload.REBUILD_STREAM, rebuildEvents);
      case READ_ALL -> RawScripts.readAll(allPageStarts);
      case PROJECTION_CATCH_UP, WEBHOOK_DELIVERY ->
          throw new IllegalArgumentException(workload + " is measured by its own class");
      case READ_UPCAST, AGGREGATE_SNAPSHOT, AGGREGATE_FULL ->
          throw new IllegalArgumentException(workload + " runs through the EJB API only");
    };
  }

  /**
   * Warms up, then measures {@code script} with {@code clients} connections.
   *
   * @param eventsPerTransaction events one script execution writes or reads
   */
  public RunResult run(Workload workload, String script, int clients, long eventsPerTransaction)
      throws IOException, InterruptedException {
    int n = ++runs;
    Path dir = Files.createDirectories(config.workDir().resolve("pgbench"));
    Path file = dir.resolve(n + "-" + workload.name().toLowerCase() + "-c" + clients + ".sql");
    Files.writeString(file, script);
    if (!config.quick() && !config.warmup().isZero()) {
      invoke(file, clients, limit(workload, config.warmup().toMillis()), null);
    }
    Path logs = Files.createDirectories(dir.resolve("log-" + n));
    String out = invoke(file, clients, limit(workload, config.duration().toMillis()), logs);
    long processed = first(PROCESSED, out);
    long failed = FAILED.matcher(out).find() ? first(FAILED, out) : 0;
    Matcher tps = TPS.matcher(out);
    double seconds = tps.find() && processed > 0 ? processed / Double.parseDouble(tps.group(1)) : 0;
    long[] latencies = latenciesMicros(logs);
    return new RunResult(
        "raw",
        workload,
        clients,
        processed,
        processed * eventsPerTransaction,
        failed,
        seconds,
        percentile(latencies, 50),
        percentile(latencies, 99),
        "");
  }

  /** {@code -T seconds} for a full run, {@code -t transactions} for a quick one. */
  private List<String> limit(Workload workload, long millis) {
    if (config.quick()) {
      int t = workload.writes() ? QUICK_WRITES_PER_CLIENT : QUICK_READS_PER_CLIENT;
      return List.of("-t", Integer.toString(t));
    }
    return List.of("-T", Long.toString(Math.max(1, (millis + 999) / 1000)));
  }

  private String invoke(Path script, int clients, List<String> limit, Path logs)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.addAll(
        List.of(
            config.pgbench(),
            "-n",
            "-M",
            "prepared",
            "-h",
            config.dbHost(),
            "-p",
            Integer.toString(config.dbPort()),
            "-U",
            role,
            "-c",
            Integer.toString(clients),
            "-j",
            Integer.toString(Math.min(clients, 4)),
            "-f",
            script.toString()));
    cmd.addAll(limit);
    cmd.addAll(RawScripts.variables());
    if (logs != null) {
      cmd.addAll(List.of("-l", "--log-prefix=" + logs.resolve("tx")));
    }
    cmd.add(config.dbName());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", BenchPasswords.app());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    if (p.exitValue() != 0 || !PROCESSED.matcher(out).find()) {
      LOG.warning(() -> "pgbench " + script.getFileName() + " failed:\n" + out);
      throw new IOException(
          "pgbench exited " + p.exitValue() + " for " + script + ": " + tail(out));
    }
    return out;
  }

  /** Per-transaction latencies (third field of each log line, µs), sorted. */
  private static long[] latenciesMicros(Path logs) throws IOException {
    List<Long> values = new ArrayList<>();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path f : files.toList()) {
        for (String line : Files.readAllLines(f)) {
          String[] fields = line.trim().split("\\s+");
          if (fields.length >= 3 && fields[2].chars().allMatch(Character::isDigit)) {
            values.add(Long.parseLong(fields[2]));
          }
        }
      }
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  private static double percentile(long[] sortedMicros, double p) {
    if (sortedMicros.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
    return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, index))] / 1_000.0;
  }

  private static long first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("pgbench output lacks '" + pattern + "': " + tail(text));
    }
    return Long.parseLong(m.group(1));
  }

  private static String tail(String text) {
    return text.length() <= 2_000 ? text : text.substring(text.length() - 2_000);
  }
}
