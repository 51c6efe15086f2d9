package dev.annals.bench.report;

import dev.annals.bench.saga.SagaBench;
import java.util.List;
import java.util.Locale;

/**
 * The saga rows of the table (issue 14): a 3-step declarative saga against a local receiver, its
 * latency and the per-step overhead over the receiver's own latency, and sagas/s. The raw column is
 * the receiver alone: three calls in a row from the harness. The per-step overhead is the
 * difference of two medians taken from different callers, so on a loaded machine it can come out
 * below zero; it is printed as measured.
 */
public final class SagaRows {

  private static final String NONE = "—";
  private static final String SAGA = "3-step declarative saga against a local receiver";

  private SagaRows() {}

  /** Rows for the saga results, in the table's order. */
  public static List<Row> rows(SagaBench.Results r) {
    double saga = r.sagaLatency().percentileMillis(50);
    double calls = r.receiverLatency().percentileMillis(50);
    double perStep = (saga - calls) / 3;
    return List.of(
        compared(SAGA + ", one at a time: p50 ms (raw: the receiver's 3 calls)", saga, calls, true),
        compared(
            SAGA + ", one at a time: p99 ms",
            r.sagaLatency().percentileMillis(99),
            r.receiverLatency().percentileMillis(99),
            true),
        new Row(
            SAGA + ": per-step overhead over the receiver's latency, ms (raw: one call)",
            ResultsTable.ms(perStep),
            ResultsTable.ms(calls / 3),
            NONE,
            NONE,
            NONE),
        compared(
            SAGA + ", " + r.clients() + " clients starting them: sagas/s (raw: 3-call rounds/s)",
            r.sagasPerSecond(),
            r.receiverPerSecond(),
            false),
        new Row(
            SAGA + ": errors",
            Long.toString(r.errors()),
            NONE,
            NONE,
            Target.atMost(0).describe(),
            Target.atMost(0).judge(r.errors(), 0)));
  }

  private static Row compared(String metric, double annals, double raw, boolean millis) {
    return new Row(
        metric,
        millis ? ResultsTable.ms(annals) : ResultsTable.count(annals),
        millis ? ResultsTable.ms(raw) : ResultsTable.count(raw),
        raw > 0 ? String.format(Locale.ROOT, "%.2f×", annals / raw) : NONE,
        NONE,
        NONE);
  }
}
