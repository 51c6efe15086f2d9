package dev.annals.bench.live;

import dev.annals.bench.driver.Latencies;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Append on one node, receive on another: appends are sent to node A at a fixed rate (an open loop:
 * a slow answer does not slow the sender, up to {@value #MAX_IN_FLIGHT} in flight), and one SSE
 * client on node B follows the tenant. Each event's latency runs from sending its append to the
 * client on B having the whole event: the append's commit, the Redis wake-up, B's read and the
 * send. Appends started in the warm-up are not counted. The appends' own latency (sending to the
 * answer from A) is recorded beside it, to tell the write's share from the delivery's.
 */
final class CrossNodeLatency {

  private static final int MAX_IN_FLIGHT = 1024;
  private static final Duration DRAIN = Duration.ofSeconds(60);

  private CrossNodeLatency() {}

  static LiveResult run(
      HttpClient client,
      URI nodeA,
      URI nodeB,
      String tenant,
      String authorization,
      LiveConfig config)
      throws InterruptedException {
    Map<String, Long> sent = new ConcurrentHashMap<>();
    Latencies latencies = new Latencies();
    Latencies answered = new Latencies();
    AtomicLong received = new AtomicLong();
    SseFeed feed =
        SseFeed.open(
            client,
            nodeB,
            tenant,
            authorization,
            (id, at) -> {
              Long start = sent.remove(id);
              if (start != null) {
                synchronized (latencies) {
                  latencies.recordNanos(at - start);
                }
                received.incrementAndGet();
              }
            });
    AtomicLong failed = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>("");
    try {
      awaitLive(feed);
      Appender appender = new Appender(client, nodeA, tenant, authorization);
      Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
      long period = TimeUnit.SECONDS.toNanos(1) / config.rate();
      long begin = System.nanoTime();
      long measuredFrom = begin + config.warmup().toNanos();
      long end = measuredFrom + config.duration().toNanos();
      long measured = 0;
      for (long i = 0; ; i++) {
        long due = begin + i * period;
        long now;
        while ((now = System.nanoTime()) < due) {
          LockSupport.parkNanos(due - now);
        }
        if (due >= end) {
          break;
        }
        inFlight.acquire();
        String id = UUID.randomUUID().toString();
        boolean counted = due >= measuredFrom;
        long sentAt = System.nanoTime();
        if (counted) {
          measured++;
          sent.put(id, sentAt);
        }
        appender
            .append("live-" + (i % 64), id)
            .whenComplete(
                (status, error) -> {
                  inFlight.release();
                  if (counted && error == null) {
                    synchronized (answered) {
                      answered.recordNanos(System.nanoTime() - sentAt);
                    }
                  }
                  if (error != null || status != 201) {
                    if (counted && sent.remove(id) != null) {
                      failed.incrementAndGet();
                    }
                    firstError.compareAndSet(
                        "", error != null ? error.toString() : "append answered " + status);
                  }
                });
      }
      double seconds = (System.nanoTime() - measuredFrom) / 1e9;
      long deadline = System.nanoTime() + DRAIN.toNanos();
      while (!sent.isEmpty() && System.nanoTime() < deadline && feed.failure() == null) {
        Thread.sleep(20);
      }
      long missing = sent.size();
      if (missing > 0) {
        firstError.compareAndSet("", missing + " events never reached the client on node B");
      }
      String feedFailure = feed.failure();
      if (feedFailure != null) {
        firstError.compareAndSet("", "the client on node B: " + feedFailure);
      }
      synchronized (latencies) {
        synchronized (answered) {
          return new LiveResult(
              1,
              measured,
              measured / seconds,
              failed.get() + missing + (feedFailure != null ? 1 : 0),
              latencies.percentileMillis(50),
              latencies.percentileMillis(99),
              firstError.get(),
              answered.percentileMillis(50),
              answered.percentileMillis(99));
        }
      }
    } finally {
      feed.close();
    }
  }

  static void awaitLive(SseFeed feed) throws InterruptedException {
    try {
      feed.live().get(2, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the SSE client did not get live: " + feed.failure(), e);
    }
  }
}
