package dev.annals.bench.driver;

/** What one in-container worker measured; merged by {@link DriverResource}. */
public final class WorkerTally {

  final Latencies latencies = new Latencies();
  long operations;
  long events;
  long errors;
  String firstError = "";
  long firstStartNanos = Long.MAX_VALUE;
  long lastFinishNanos = Long.MIN_VALUE;

  void succeeded(long startNanos, long finishNanos, long eventCount) {
    latencies.recordNanos(finishNanos - startNanos);
    operations++;
    events += eventCount;
    firstStartNanos = Math.min(firstStartNanos, startNanos);
    lastFinishNanos = Math.max(lastFinishNanos, finishNanos);
  }

  /** From the first measured start to the last measured finish; 0 without operations. */
  double seconds() {
    return operations == 0 ? 0 : (lastFinishNanos - firstStartNanos) / 1e9;
  }

  void failed(RuntimeException e) {
    errors++;
    if (firstError.isEmpty()) {
      firstError = e.toString();
    }
  }

  void add(WorkerTally other) {
    latencies.add(other.latencies);
    operations += other.operations;
    events += other.events;
    errors += other.errors;
    firstStartNanos = Math.min(firstStartNanos, other.firstStartNanos);
    lastFinishNanos = Math.max(lastFinishNanos, other.lastFinishNanos);
    if (firstError.isEmpty()) {
      firstError = other.firstError;
    }
  }
}
