package dev.annals.bench.report;

import dev.annals.bench.live.LiveBench;
import dev.annals.bench.live.LiveResult;
import java.util.List;
import java.util.Locale;

/**
 * The delivery rows of the table (issue 11): append on one node → SSE client on another (p50 ≤ 10
 * ms, p99 ≤ 50 ms under 1,000 appends/s), and many SSE clients open on one node with no error.
 * There is no raw PostgreSQL figure for these.
 */
public final class LiveRows {

  private static final String NONE = "—";

  private LiveRows() {}

  /** Rows for the delivery results, in the table's order. */
  public static List<Row> rows(LiveBench.Results results) {
    LiveResult x = results.crossNode();
    String cross =
        String.format(
            Locale.ROOT,
            "append on node A → SSE client on node B, %,.0f appends/s",
            x.appendsPerSecond());
    LiveResult h = results.held();
    String held = String.format(Locale.ROOT, "%,d SSE clients open on one node", h.clients());
    return List.of(
        row(cross + ": p50 ms", ResultsTable.ms(x.p50Millis()), Target.atMost(10), x.p50Millis()),
        row(cross + ": p99 ms", ResultsTable.ms(x.p99Millis()), Target.atMost(50), x.p99Millis()),
        row(
            cross + ": the append's own answer p50 / p99 ms",
            ResultsTable.ms(x.appendP50Millis()) + " / " + ResultsTable.ms(x.appendP99Millis()),
            Target.NONE,
            0),
        row(cross + ": events", ResultsTable.count(x.events()), Target.NONE, 0),
        row(cross + ": errors" + first(x), Long.toString(x.errors()), Target.atMost(0), x.errors()),
        row(held + ": errors" + first(h), Long.toString(h.errors()), Target.atMost(0), h.errors()),
        row(
            held + ": events each received",
            ResultsTable.count(h.events()),
            Target.NONE,
            h.events()),
        row(
            held + ": append → every client p99 ms",
            ResultsTable.ms(h.p99Millis()),
            Target.NONE,
            h.p99Millis()));
  }

  /** The first error, to tell what went wrong without the run's log. */
  private static String first(LiveResult r) {
    return r.errors() > 0 && !r.firstError().isEmpty()
        ? " (the first: " + r.firstError().replace('|', '/') + ")"
        : "";
  }

  private static Row row(String metric, String annals, Target target, double value) {
    return new Row(metric, annals, NONE, NONE, target.describe(), target.judge(value, 0));
  }
}
