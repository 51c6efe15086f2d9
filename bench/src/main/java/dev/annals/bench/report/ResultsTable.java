package dev.annals.bench.report;

import dev.annals.bench.BenchConfig;
import dev.annals.bench.driver.Payload;
import dev.annals.bench.driver.RunResult;
import dev.annals.bench.driver.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Builds the table: one row per metric and path (EJB, HTTP), the raw figure for the same work and
 * concurrency beside it, and the target where it names one. Latency rows: lower is better;
 * throughput rows: higher is better; the ratio is always Annals ÷ raw.
 */
public final class ResultsTable {

  private static final String NONE = "—";
  private static final List<String> PATHS = List.of("ejb", "http");

  private final BenchConfig config;
  private final Measurements m;
  private final List<Row> rows = new ArrayList<>();

  private ResultsTable(BenchConfig config, Measurements m) {
    this.config = config;
    this.m = m;
  }

  /** The rows for these measurements. */
  public static List<Row> rows(BenchConfig config, Measurements m) {
    ResultsTable t = new ResultsTable(config, m);
    t.build();
    return List.copyOf(t.rows);
  }

  private void build() {
    for (int c : config.appendConcurrency()) {
      for (String path : PATHS) {
        String name = "append 1 event (new stream), c=" + c + ", " + path.toUpperCase(Locale.ROOT);
        Target p50 = Target.NONE;
        Target p99 = Target.NONE;
        Target rate = Target.NONE;
        if (c == 1 && path.equals("ejb")) {
          p50 = Target.atMostTimesRaw(1.5);
        } else if (c == 1) {
          p50 = Target.atMost(2);
          p99 = Target.atMost(10);
        } else if (c == 64 && path.equals("http")) {
          rate = Target.atLeast(10_000);
        }
        latency(name + ": p50 ms", path, Workload.APPEND_SINGLE, c, RunResult::p50Millis, p50);
        latency(name + ": p99 ms", path, Workload.APPEND_SINGLE, c, RunResult::p99Millis, p99);
        rate(name + ": events/s", path, Workload.APPEND_SINGLE, c, rate);
      }
    }
    for (int c : config.batchConcurrency()) {
      for (String path : PATHS) {
        String name =
            "append 100 events (new stream), c=" + c + ", " + path.toUpperCase(Locale.ROOT);
        rate(name + ": events/s", path, Workload.APPEND_BATCH, c, Target.atLeastTimesRaw(0.8));
      }
    }
    int r = BenchConfig.READ_CONCURRENCY;
    latency(
        "read a 1,000-event stream, EJB: p50 ms",
        "ejb",
        Workload.READ_STREAM,
        r,
        RunResult::p50Millis,
        Target.atMostTimesRaw(2));
    latency(
        "read a 1,000-event stream, EJB: p99 ms",
        "ejb",
        Workload.READ_STREAM,
        r,
        RunResult::p99Millis,
        Target.NONE);
    latency(
        "read a 1,000-event stream, HTTP: p50 ms",
        "http",
        Workload.READ_STREAM,
        r,
        RunResult::p50Millis,
        Target.atMost(15));
    latency(
        "read a 1,000-event stream, HTTP: p99 ms",
        "http",
        Workload.READ_STREAM,
        r,
        RunResult::p99Millis,
        Target.NONE);
    int pages = (config.rebuildEvents() + Payload.PAGE - 1) / Payload.PAGE;
    String rebuild =
        String.format(
            Locale.ROOT,
            "rebuild from a %,d-event stream (%d pages), ",
            config.rebuildEvents(),
            pages);
    String all = "page the read tenant's $all from the start, ";
    for (String path : PATHS) {
      latency(
          rebuild + label(path) + ": p50 ms",
          path,
          Workload.REBUILD,
          r,
          RunResult::p50Millis,
          Target.NONE);
    }
    for (String path : PATHS) {
      rate(rebuild + label(path) + ": events/s", path, Workload.REBUILD, r, Target.NONE);
    }
    for (String path : PATHS) {
      rate(all + label(path) + ": events/s", path, Workload.READ_ALL, r, Target.NONE);
    }
    RunResult hold = m.hold();
    String held =
        hold.concurrency()
            + " HTTP clients appending for "
            + config.holdDuration().toSeconds()
            + " s";
    add(held + ": errors", Long.toString(hold.errors()), Target.atMost(0), hold.errors());
    add(held + ": p99 ms", ms(hold.p99Millis()), Target.NONE, hold.p99Millis());
    add(held + ": events/s", count(hold.eventsPerSecond()), Target.NONE, 0);
  }

  private void latency(
      String metric, String path, Workload w, int c, ToDoubleFunction<RunResult> f, Target target) {
    compare(metric, path, w, c, f, target, true);
  }

  private void rate(String metric, String path, Workload w, int c, Target target) {
    compare(metric, path, w, c, RunResult::eventsPerSecond, target, false);
  }

  private void compare(
      String metric,
      String path,
      Workload w,
      int c,
      ToDoubleFunction<RunResult> f,
      Target target,
      boolean latency) {
    Optional<RunResult> annals = m.find(path, w, c);
    Optional<RunResult> raw = m.find("raw", w, c);
    if (annals.isEmpty() || raw.isEmpty()) {
      rows.add(
          new Row(
              metric,
              annals.isEmpty() ? "missing" : "",
              raw.isEmpty() ? "missing" : "",
              NONE,
              target.describe(),
              "missed"));
      return;
    }
    double a = f.applyAsDouble(annals.get());
    double b = f.applyAsDouble(raw.get());
    String status =
        annals.get().errors() > 0 ? "errors: " + annals.get().errors() : target.judge(a, b);
    rows.add(
        new Row(
            metric,
            latency ? ms(a) : count(a),
            latency ? ms(b) : count(b),
            b > 0 ? String.format(Locale.ROOT, "%.2f×", a / b) : NONE,
            target.describe(),
            status));
  }

  private void add(String metric, String annals, Target target, double value) {
    rows.add(new Row(metric, annals, NONE, NONE, target.describe(), target.judge(value, 0)));
  }

  private static String label(String path) {
    return path.toUpperCase(Locale.ROOT);
  }

  static String ms(double millis) {
    return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
  }

  static String count(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }
}
