package dev.annals.it.live;

import static dev.annals.it.live.LiveFeedIT.WAIT;
import static dev.annals.it.live.LiveFeedIT.append;
import static dev.annals.it.live.LiveFeedIT.eventIds;
import static dev.annals.it.live.LiveFeedIT.live;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.devservices.DevServicesProcess;
import dev.annals.it.Api;
import dev.annals.it.ItServer;
import dev.annals.it.SseClient;
import dev.annals.it.eventstore.SubscriptionsApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.UUID;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped (its process killed: connections refused, not hung) for 30 seconds while a live
 * feed and a subscription follow a tenant: no event is missed by either, each event reaches the
 * feed within the poll interval (plus generous slack for a loaded machine) while Redis is gone, and
 * once Redis is back wake-ups come through it again. The latencies of each phase are logged; the
 * assertions bound them only by the poll interval plus slack, never tightly.
 */
class RedisOutageIT {

  private static final Logger LOG = Logger.getLogger(RedisOutageIT.class.getName());

  /**
   * {@code annals.wakeups.poll-interval-ms} of the test server: the default, server.env keeps it.
   */
  private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  /** What a loaded test machine may add to an append's round trip and the feed's read. */
  private static final Duration SLACK = Duration.ofSeconds(5);

  private static final Duration OUTAGE = Duration.ofSeconds(30);

  private static final int SAMPLES = 5;

  @Test
  void redisStoppedFor30SecondsMissesNothingAndDeliveryFallsBackToPollingThenRecovers()
      throws Exception {
    String tenant = Api.createTenant();
    String sub = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    SubscriptionsApi.create(tenant, SubscriptionsApi.handlerBody(sub, "orders-", "beginning"));
    List<String> appended = new ArrayList<>();
    try (SseClient feed = SseClient.open(live(tenant, "?streamPrefix=orders-"))) {
      assertEquals(200, feed.status(), feed.problem());
      feed.untilComment("live", WAIT);
      Metrics.await(ItServer.baseUri(), "annals_wakeups_polling", 0);

      List<Long> before = latencies(feed, tenant, SAMPLES, appended);

      List<Long> during;
      stopRedis();
      long stoppedAt = System.nanoTime();
      try {
        Metrics.await(ItServer.baseUri(), "annals_wakeups_polling", 1);
        during = new ArrayList<>();
        while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
          during.addAll(latencies(feed, tenant, 1, appended));
        }
      } finally {
        startRedis();
      }

      Metrics.await(ItServer.baseUri(), "annals_wakeups_polling", 0);
      double received = Metrics.count("annals_wakeups_received_total");
      List<Long> after = latencies(feed, tenant, SAMPLES, appended);
      LOG.info(
          () ->
              "Feed latency (append sent to event received, ms): before "
                  + stats(before)
                  + ", Redis stopped "
                  + stats(during)
                  + ", after "
                  + stats(after));

      long bound = POLL_INTERVAL.plus(SLACK).toMillis();
      assertTrue(
          during.stream().allMatch(ms -> ms <= bound),
          "while Redis is stopped, each event within the poll interval plus slack: " + during);
      assertTrue(during.size() >= SAMPLES, "events appended during the outage: " + during);
      assertTrue(
          Metrics.count("annals_wakeups_received_total") > received,
          "after the outage, wake-ups come through Redis again");
      assertTrue(after.stream().allMatch(ms -> ms <= bound), "after Redis is back: " + after);
    }
    assertEquals(
        appended,
        SubscriptionsApi.await(
            "the subscription's effects",
            () -> SubscriptionsApi.effectSources(tenant, sub),
            s -> s.size() >= appended.size()),
        "the subscription missed nothing and applied nothing twice");
  }

  /**
   * Appends {@code n} events one by one, each awaited on the feed before the next; the milliseconds
   * from sending the append to receiving the event. Checks each is the one appended.
   */
  private static List<Long> latencies(SseClient feed, String tenant, int n, List<String> appended)
      throws InterruptedException {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      List<String> id = append(tenant, "orders-" + (appended.size() % 3), 1);
      assertEquals(id, eventIds(feed.events(1, WAIT)), "the next event, once, in order");
      out.add((System.nanoTime() - start) / 1_000_000);
      appended.addAll(id);
    }
    return out;
  }

  private static String stats(List<Long> ms) {
    LongSummaryStatistics s = ms.stream().mapToLong(Long::longValue).summaryStatistics();
    List<Long> sorted = ms.stream().sorted().toList();
    return "n=" + s.getCount() + " median=" + sorted.get(sorted.size() / 2) + " max=" + s.getMax();
  }

  /** Asks the embedded services to stop Redis and waits until it refuses connections. */
  private static void stopRedis() throws Exception {
    Files.createFile(stopRequest());
    awaitRedis(false);
  }

  /** Withdraws the request and waits until Redis accepts connections again. */
  private static void startRedis() throws Exception {
    Files.deleteIfExists(stopRequest());
    awaitRedis(true);
  }

  private static Path stopRequest() {
    return Path.of(System.getProperty("annals.it.servicesDir"))
        .resolve(DevServicesProcess.REDIS_STOP_REQUEST);
  }

  private static void awaitRedis(boolean up) throws InterruptedException {
    URI redis = URI.create(System.getProperty("annals.it.redisUrl"));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (accepts(redis) != up) {
      assertTrue(System.nanoTime() < deadline, "Redis never became " + (up ? "up" : "down"));
      Thread.sleep(50);
    }
  }

  private static boolean accepts(URI redis) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(redis.getHost(), redis.getPort()), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
