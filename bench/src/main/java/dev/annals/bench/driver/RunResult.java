package dev.annals.bench.driver;

/**
 * One measured point: a workload at one concurrency on one side, after its warm-up.
 *
 * @param side {@code ejb}, {@code http} or {@code raw}
 * @param workload what was run
 * @param concurrency concurrent callers (threads, HTTP clients in flight, pgbench clients)
 * @param operations operations completed in the measured window
 * @param events events written or read by those operations
 * @param errors operations that failed
 * @param seconds from the first measured operation's start to the last one's end
 * @param p50Millis median latency of one operation
 * @param p99Millis 99th-percentile latency of one operation
 * @param firstError the first failure's description, or empty
 */
public record RunResult(
    String side,
    Workload workload,
    int concurrency,
    long operations,
    long events,
    long errors,
    double seconds,
    double p50Millis,
    double p99Millis,
    String firstError) {

  /** Events per second over the measured window. */
  public double eventsPerSecond() {
    return seconds > 0 ? events / seconds : 0;
  }

  /** Operations per second over the measured window. */
  public double operationsPerSecond() {
    return seconds > 0 ? operations / seconds : 0;
  }
}
