package dev.annals.bench.live;

import dev.annals.bench.driver.Latencies;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Many SSE clients held open on one node: all connect and get live, then events trickle in (ten a
 * second) while they are held, and every client must receive every one of them without being
 * disconnected. An error is a client that could not connect, was refused, was disconnected or
 * missed an event, or an append that failed. The latency is from sending an append to each client's
 * having the event (the fan-out to all of them).
 */
final class HeldClients {

  private static final Duration TRICKLE = Duration.ofMillis(100);
  private static final Duration DRAIN = Duration.ofSeconds(60);

  private HeldClients() {}

  static LiveResult run(
      HttpClient client, URI node, String tenant, String authorization, LiveConfig config)
      throws InterruptedException {
    Map<String, Long> sent = new ConcurrentHashMap<>();
    Latencies latencies = new Latencies();
    List<SseFeed> feeds = new ArrayList<>();
    String firstError = "";
    long errors = 0;
    long appended = 0;
    try {
      for (int i = 0; i < config.holdClients(); i++) {
        feeds.add(
            SseFeed.open(
                client,
                node,
                tenant,
                authorization,
                (id, at) -> {
                  Long start = sent.get(id);
                  if (start != null) {
                    synchronized (latencies) {
                      latencies.recordNanos(at - start);
                    }
                  }
                }));
      }
      try {
        CompletableFuture.allOf(feeds.stream().map(SseFeed::live).toArray(CompletableFuture[]::new))
            .get(5, TimeUnit.MINUTES);
      } catch (ExecutionException | TimeoutException e) {
        // counted below, per client
      }
      Appender appender = new Appender(client, node, tenant, authorization);
      long start = System.nanoTime();
      long end = start + config.holdDuration().toNanos();
      while (System.nanoTime() < end) {
        String id = UUID.randomUUID().toString();
        sent.put(id, System.nanoTime());
        int status;
        try {
          status = appender.append("held", id).get(1, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
          status = -1;
        }
        if (status == 201) {
          appended++;
        } else {
          sent.remove(id);
          errors++;
          firstError = firstError.isEmpty() ? "append answered " + status : firstError;
        }
        Thread.sleep(TRICKLE.toMillis());
      }
      long deadline = System.nanoTime() + DRAIN.toNanos();
      while (System.nanoTime() < deadline && !allHave(feeds, appended)) {
        Thread.sleep(50);
      }
      for (SseFeed f : feeds) {
        String failure = f.failure();
        if (failure != null || f.events() != appended) {
          errors++;
          if (firstError.isEmpty()) {
            firstError =
                failure != null
                    ? "a client: " + failure
                    : "a client received " + f.events() + " of " + appended + " events";
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      synchronized (latencies) {
        return new LiveResult(
            feeds.size(),
            appended,
            appended / seconds,
            errors,
            latencies.percentileMillis(50),
            latencies.percentileMillis(99),
            firstError,
            0,
            0);
      }
    } finally {
      feeds.forEach(SseFeed::close);
    }
  }

  private static boolean allHave(List<SseFeed> feeds, long events) {
    return feeds.stream().allMatch(f -> f.failure() != null || f.events() >= events);
  }
}
