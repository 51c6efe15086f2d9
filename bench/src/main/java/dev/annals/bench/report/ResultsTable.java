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

  /** Only the delivery rows (projection catch-up, webhook delivery with failures). */
  public static List<Row> deliveryRows(BenchConfig config, Measurements m) {
    ResultsTable t = new ResultsTable(config, m);
    t.catchUp();
    t.deliveries();
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
    catchUp();
    versions(r);
    deliveries();
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

  /**
   * The event-sourcing rows (EJB only): the workflow rebuilt with a snapshot (and without, beside
   * it), and the 1,000-event read through two chained declarative upcasters against the same read
   * without upcasters measured just before it (in the "raw" column).
   */
  private void versions(int r) {
    String workflow =
        String.format(
            Locale.ROOT,
            "rebuild the research workflow from a %,d-event stream, EJB, ",
            config.rebuildEvents());
    Optional<RunResult> snap = m.find("ejb", Workload.AGGREGATE_SNAPSHOT, r);
    Optional<RunResult> full = m.find("ejb", Workload.AGGREGATE_FULL, r);
    single(workflow + "with a snapshot: p50 ms", snap, Target.atMost(5));
    single(workflow + "without a snapshot: p50 ms", full, Target.NONE);
    Optional<RunResult> upcast = m.find("ejb", Workload.READ_UPCAST, r);
    Optional<RunResult> plain = m.find(BASELINE_SIDE, Workload.READ_STREAM, r);
    String metric =
        "read 1,000 events through 2 chained declarative upcasters, EJB: p50 ms"
            + " (raw column: the same read without upcasters)";
    if (upcast.isEmpty() || plain.isEmpty()) {
      rows.add(
          new Row(
              metric,
              upcast.isEmpty() ? "missing" : "",
              plain.isEmpty() ? "missing" : "",
              NONE,
              "≤ 1.5× without",
              "missed"));
      return;
    }
    double a = upcast.get().p50Millis();
    double b = plain.get().p50Millis();
    long errors = upcast.get().errors() + plain.get().errors();
    rows.add(
        new Row(
            metric,
            ms(a),
            ms(b),
            b > 0 ? String.format(Locale.ROOT, "%.2f×", a / b) : NONE,
            "≤ 1.5× without",
            errors > 0 ? "errors: " + errors : Target.atMostTimesRaw(1.5).judge(a, b)));
  }

  private void catchUp() {
    String catchUp =
        "subscription catch-up into an in-process projection (rebuild of the statistics"
            + " projection) vs a raw $all page scan, EJB";
    rate(catchUp + ": events/s", "ejb", Workload.PROJECTION_CATCH_UP, 1, Target.atLeast(100_000));
    rate(
        catchUp + ": ratio to the raw scan",
        "ejb",
        Workload.PROJECTION_CATCH_UP,
        1,
        Target.atLeastTimesRaw(0.8));
  }

  /**
   * Webhook delivery with 1% of the events failing once, against the same delivery with none
   * failing (in the "raw" column), under the shipped default policy and under 10 ms backoff.
   */
  private void deliveries() {
    Optional<RunResult> none = m.find(NONE_FAILING_SIDE, Workload.WEBHOOK_DELIVERY, 1);
    for (String side : List.of("ejb", SHORT_BACKOFF_SIDE)) {
      Optional<RunResult> failing = m.find(side, Workload.WEBHOOK_DELIVERY, 1);
      String metric =
          "webhook delivery, 1% of events failing once, "
              + (side.equals("ejb") ? "default policy" : "10 ms backoff")
              + ": events/s (raw column: none failing)";
      if (failing.isEmpty() || none.isEmpty()) {
        rows.add(new Row(metric, "missing", NONE, NONE, "≥ 0.8× none failing", "missed"));
        continue;
      }
      double a = failing.get().eventsPerSecond();
      double b = none.get().eventsPerSecond();
      rows.add(
          new Row(
              metric,
              count(a),
              count(b),
              b > 0 ? String.format(Locale.ROOT, "%.2f×", a / b) : NONE,
              "≥ 0.8× none failing",
              Target.atLeastTimesRaw(0.8).judge(a, b)));
    }
  }

  private void single(String metric, Optional<RunResult> result, Target target) {
    if (result.isEmpty()) {
      rows.add(new Row(metric, "missing", NONE, NONE, target.describe(), "missed"));
    } else if (result.get().errors() > 0) {
      rows.add(
          new Row(
              metric,
              ms(result.get().p50Millis()),
              NONE,
              NONE,
              target.describe(),
              "errors: " + result.get().errors()));
    } else {
      add(metric, ms(result.get().p50Millis()), target, result.get().p50Millis());
    }
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

  /** The sides of the webhook delivery without failures, and with failures under 10 ms backoff. */
  public static final String NONE_FAILING_SIDE = "ejb-none-failing";

  public static final String SHORT_BACKOFF_SIDE = "ejb-short-backoff";

  /** The side of the plain read measured again beside the upcast read. */
  public static final String BASELINE_SIDE = "ejb-baseline";

  static String ms(double millis) {
    return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
  }

  static String count(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }
}
