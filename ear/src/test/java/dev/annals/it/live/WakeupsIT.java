package dev.annals.it.live;

import static dev.annals.it.live.LiveFeedIT.WAIT;
import static dev.annals.it.live.LiveFeedIT.append;
import static dev.annals.it.live.LiveFeedIT.eventIds;
import static dev.annals.it.live.LiveFeedIT.live;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.ItServer;
import dev.annals.it.SseClient;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wake-ups: an append's commit is published on Redis and received by the subscriber that wakes the
 * live feed; while Redis hangs the feed is woken by polling, and pub/sub comes back by itself.
 */
class WakeupsIT {

  @Test
  void anAppendIsPublishedAndReceivedThroughRedis() throws Exception {
    String tenant = Api.createTenant();
    try (SseClient feed = SseClient.open(live(tenant, ""))) {
      feed.untilComment("live", WAIT);
      awaitMetric("annals_wakeups_polling", 0); // subscribed: wake-ups come through Redis now
      double published = Metrics.count("annals_wakeups_published_total");
      double received = Metrics.count("annals_wakeups_received_total");
      List<String> ids = append(tenant, "pubsub", 1);
      assertEquals(ids, eventIds(feed.events(1, WAIT)));
      awaitAbove("annals_wakeups_published_total", published);
      // Received counts messages for tenants with a listener here: this tenant's feed.
      awaitAbove("annals_wakeups_received_total", received);
    }
  }

  @Test
  void whileRedisHangsFeedsAreWokenByPollingAndPubSubComesBack() throws Exception {
    String tenant = Api.createTenant();
    try (SseClient feed = SseClient.open(live(tenant, ""))) {
      feed.untilComment("live", WAIT);
      try (Socket hang = ItServer.hangRedis(20)) {
        awaitMetric("annals_wakeups_polling", 1);
        List<String> during = append(tenant, "hung", 2);
        assertEquals(during, eventIds(feed.events(2, WAIT)), "delivered while Redis hangs");
        assertEquals(1, Metrics.value("annals_wakeups_polling"), "still polling: Redis hangs");
      }
      awaitMetric("annals_wakeups_polling", 0);
      List<String> after = append(tenant, "recovered", 1);
      assertEquals(after, eventIds(feed.events(1, WAIT)));
    }
  }

  private static void awaitMetric(String name, double value) throws Exception {
    Metrics.await(ItServer.baseUri(), name, value);
  }

  private static void awaitAbove(String name, double before) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (Metrics.count(name) <= before) {
      assertTrue(System.nanoTime() < deadline, name + " stayed at " + before);
      Thread.sleep(100);
    }
  }
}
