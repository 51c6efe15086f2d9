package dev.annals.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.bench.driver.RunResult;
import dev.annals.bench.http.Wrk;
import dev.annals.bench.http.WrkRequest;
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
    assertEquals(appendRows + batchRows + readRows + holdRows, report.rows().size(), "rows");
    for (Row row : report.rows()) {
      assertTrue(isFigure(row.annals()), "Annals figure of '" + row.metric() + "': " + row);
      assertTrue(
          row.metric().contains("HTTP clients") || isFigure(row.raw()),
          "raw figure of '" + row.metric() + "': " + row);
      assertFalse(row.status().startsWith("errors"), row.toString());
    }
    int sides = 3;
    int workloads = config.appendConcurrency().size() + config.batchConcurrency().size() + 3;
    List<RunResult> all = report.measurements().all();
    assertEquals(sides * workloads + 1, all.size(), "measured points");
    for (RunResult r : all) {
      assertTrue(r.operations() > 0, "no operations: " + r);
      assertTrue(r.events() > 0, "no events: " + r);
      assertEquals(0, r.errors(), "errors: " + r);
    }
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

  private static boolean isFigure(String value) {
    return value.matches("[0-9][0-9,]*(\\.[0-9]+)?");
  }
}
