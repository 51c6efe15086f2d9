package dev.annals.bench.report;

import dev.annals.bench.driver.RunResult;
import java.util.List;
import java.util.Locale;

/** Every measured point of a run (raw, EJB, HTTP and the hold test) as a Markdown table. */
public final class PointsTable {

  private PointsTable() {}

  /** The per-point table, and each point's first error, as Markdown. */
  public static String markdown(Measurements m) {
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
