package dev.annals.bench.driver;

import org.HdrHistogram.Histogram;

/**
 * Latency samples of one worker, in microseconds, from 1 µs to 10 minutes at three significant
 * digits. Not thread-safe: each worker records into its own and the results are merged.
 */
public final class Latencies {

  private static final long MAX_MICROS = 600_000_000L;

  private final Histogram histogram = new Histogram(MAX_MICROS, 3);

  /** Records one operation that took {@code nanos}. */
  public void recordNanos(long nanos) {
    histogram.recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1_000)));
  }

  /** Adds another worker's samples. */
  public void add(Latencies other) {
    histogram.add(other.histogram);
  }

  /** Samples recorded. */
  public long count() {
    return histogram.getTotalCount();
  }

  /** The latency at {@code percentile} (0-100) in milliseconds; 0 without samples. */
  public double percentileMillis(double percentile) {
    return count() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1_000.0;
  }
}
