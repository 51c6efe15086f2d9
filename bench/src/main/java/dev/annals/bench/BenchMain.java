package dev.annals.bench;

import dev.annals.bench.report.ResultsFile;
import java.util.logging.Logger;

/**
 * The documented command's entry point ({@code ./mvnw -B -pl bench exec:java}): runs the benchmark
 * with the {@code bench.*} system properties and logs the table (also written to RESULTS.md).
 */
public final class BenchMain {

  private BenchMain() {}

  private static final Logger LOG = Logger.getLogger(BenchMain.class.getName());

  public static void main(String[] args) throws Exception {
    Harness.Report report = new Harness(BenchConfig.fromSystemProperties()).run();
    LOG.info(
        () ->
            (report.rows().isEmpty() ? "" : "Results\n" + ResultsFile.table(report.rows()) + "\n")
                + "Written to "
                + report.file());
  }
}
