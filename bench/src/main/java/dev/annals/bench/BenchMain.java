package dev.annals.bench;

import dev.annals.bench.report.ResultsFile;

/**
 * The documented command's entry point ({@code ./mvnw -B -pl bench exec:java}): runs the benchmark
 * with the {@code bench.*} system properties and prints the table.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    Harness.Report report = new Harness(BenchConfig.fromSystemProperties()).run();
    // The table is this command's output, meant for the person who ran it: stdout, not a log.
    System.out.println(ResultsFile.table(report.rows()));
    System.out.println("Written to " + report.file());
  }
}
