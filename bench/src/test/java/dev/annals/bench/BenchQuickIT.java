package dev.annals.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.bench.driver.RunResult;
import dev.annals.bench.http.Wrk;
import dev.annals.bench.http.WrkRequest;
import dev.annals.bench.live.LiveResult;
import dev.annals.bench.report.Row;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness in quick mode, end to end: fresh database, bench server, pgbench, in-container and
 * HTTP drivers, results file. Asserts that the table is complete and every point did real work
 * without errors — never how fast: speed is for the full run to report, not for a test to judge.
 */
class BenchQuickIT {

  @Test
  void quickRunProducesACompleteTable() throws Exception {
    BenchConfig config = BenchConfig.fromSystemProperties();
    assertTrue(config.quick(), "the build runs the harness in quick mode");

    Harness.Report report = new Harness(config).run();

    int appendRows = config.appendConcurrency().size() * 2 * 3;
    int batchRows = config.batchConcurrency().size() * 2;
    int readRows = 4 + 2 * 3;
    int holdRows = 3;
    int catchUpRows = 2;
    int liveRows = 8; // cross-node: p50, p99, the append's own answer, events, errors; 100 SSE: 3
    int versionRows = 3; // workflow with and without a snapshot, the upcast read
    int sagaRows = 5; // p50, p99, per-step overhead, sagas/s, errors
    int deliveryRows = 2; // webhooks with 1% failing: default policy, 10 ms backoff
    int consoleRows = 8; // the console's first paint, a row per page
    assertEquals(
        appendRows
            + batchRows
            + readRows
            + catchUpRows
            + holdRows
            + liveRows
            + versionRows
            + sagaRows
            + deliveryRows
            + consoleRows,
        report.rows().size(),
        "rows");
    for (Row row : report.rows()) {
      // The per-step overhead is a difference of two medians: under load it can come out below
      // zero, which is a measurement, not a missing figure.
      String annals =
          row.metric().contains("per-step overhead")
              ? row.annals().replaceFirst("^-", "")
              : row.annals();
      assertTrue(isFigure(annals), "Annals figure of '" + row.metric() + "': " + row);
      assertTrue(
          row.metric().contains("HTTP clients")
              || row.metric().contains("SSE client")
              || row.metric().contains("research workflow")
              || row.metric().endsWith("saga against a local receiver: errors")
              || isFigure(row.raw()),
          "raw figure of '" + row.metric() + "': " + row);
      assertFalse(row.status().startsWith("errors"), row.toString());
    }
    int sides = 3;
    int workloads = config.appendConcurrency().size() + config.batchConcurrency().size() + 3;
    List<RunResult> all = report.measurements().all();
    int catchUpPoints = 2; // raw scan and projection
    int versionPoints = 4; // the plain read again, the upcast read, two workflow rebuilds
    int deliveryPoints = 3; // webhooks with none failing, then 1% failing once (two policies)
    assertEquals(
        sides * workloads + catchUpPoints + 1 + versionPoints + deliveryPoints,
        all.size(),
        "measured points");
    for (RunResult r : all) {
      assertTrue(r.operations() > 0, "no operations: " + r);
      assertTrue(r.events() > 0, "no events: " + r);
      assertEquals(0, r.errors(), "errors: " + r);
    }
    // Delivery: every appended event reached the client on the other node and every held client.
    for (LiveResult r : List.of(report.live().crossNode(), report.live().held())) {
      assertTrue(r.events() > 0, "no events: " + r);
      assertEquals(0, r.errors(), "errors: " + r);
    }
    assertTrue(report.live().held().clients() >= 100, "held clients: " + report.live().held());
    assertEquals(WrkRequest.values().length, report.floor().size(), "wrk runs");
    for (Wrk.Result r : report.floor()) {
      assertTrue(r.requests() > 0, "no requests: " + r);
      assertEquals(0, r.errors(), "wrong statuses or socket errors: " + r);
    }
    String file = Files.readString(report.file());
    assertTrue(file.contains("## The per-request floor (wrk, 64 connections)"), file);
    assertTrue(file.contains("| metric | Annals | raw | ratio | target | status |"), file);
    assertTrue(file.contains("synchronous_commit=on"), "durability is recorded");
  }

  /** A number as the table prints it, or a pair of them ("p50 / p99"). */
  private static boolean isFigure(String value) {
    return java.util.Arrays.stream(value.split(" / ", -1))
        .allMatch(v -> v.matches("[0-9][0-9,]*(\\.[0-9]+)?"));
  }
}
