package dev.annals.bench.http;

import dev.annals.bench.driver.Latencies;
import dev.annals.bench.driver.RunResult;
import dev.annals.bench.driver.Workload;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A closed-loop load generator: {@code concurrency} clients, each starting its next operation as
 * soon as its previous one completes. Operations are asynchronous ({@code sendAsync}); a semaphore
 * holds the number in flight at exactly {@code concurrency}, so a thousand clients need a thousand
 * connections but only the HTTP client's few threads.
 */
public final class HttpLoad {

  /** One operation: completes with the events it wrote or read, exceptionally when it failed. */
  public interface Operation {
    CompletableFuture<Long> start();
  }

  private static final Duration DRAIN = Duration.ofMinutes(2);

  private HttpLoad() {}

  /**
   * Runs {@code operation} in a closed loop for a warm-up, then for the measured window. Only
   * operations that start after the warm-up count; at least {@code concurrency} of them start, even
   * when one operation outlasts the window.
   */
  public static RunResult run(
      Workload workload, int concurrency, Duration warmup, Duration duration, Operation operation)
      throws InterruptedException {
    Semaphore inFlight = new Semaphore(concurrency);
    Tally tally = new Tally();
    long warmupEnd = System.nanoTime() + warmup.toNanos();
    long end = warmupEnd + duration.toNanos();
    long measuredStarts = 0;
    while (true) {
      inFlight.acquire();
      long start = System.nanoTime();
      if (start >= end && measuredStarts >= concurrency) {
        inFlight.release();
        break;
      }
      boolean measured = start >= warmupEnd;
      measuredStarts += measured ? 1 : 0;
      CompletableFuture<Long> pending;
      try {
        pending = operation.start();
      } catch (RuntimeException e) {
        pending = CompletableFuture.failedFuture(e);
      }
      pending.whenComplete(
          (events, failure) -> {
            if (measured) {
              tally.completed(start, System.nanoTime(), events, failure);
            }
            inFlight.release();
          });
    }
    if (!inFlight.tryAcquire(concurrency, DRAIN.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("Requests still in flight " + DRAIN + " after the window");
    }
    return tally.result(workload, concurrency);
  }

  /** What the completions of one run add up to; completions arrive on the client's threads. */
  private static final class Tally {
    private final Latencies latencies = new Latencies();
    private long operations;
    private long events;
    private long errors;
    private String firstError = "";
    private long firstStart = Long.MAX_VALUE;
    private long lastFinish = Long.MIN_VALUE;

    synchronized void completed(long start, long finish, Long eventCount, Throwable failure) {
      if (failure != null) {
        errors++;
        firstError = firstError.isEmpty() ? failure.toString() : firstError;
        return;
      }
      latencies.recordNanos(finish - start);
      operations++;
      events += eventCount;
      firstStart = Math.min(firstStart, start);
      lastFinish = Math.max(lastFinish, finish);
    }

    synchronized RunResult result(Workload workload, int concurrency) {
      return new RunResult(
          "http",
          workload,
          concurrency,
          operations,
          events,
          errors,
          operations == 0 ? 0 : (lastFinish - firstStart) / 1e9,
          latencies.percentileMillis(50),
          latencies.percentileMillis(99),
          firstError);
    }
  }
}
