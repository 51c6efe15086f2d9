package dev.annals.it.live;

import static dev.annals.it.live.LiveFeedIT.WAIT;
import static dev.annals.it.live.LiveFeedIT.append;
import static dev.annals.it.live.LiveFeedIT.eventIds;
import static dev.annals.it.live.LiveFeedIT.live;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import dev.annals.it.SseClient;
import dev.annals.it.Tokens;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Liberty nodes on one PostgreSQL and Redis: an event appended on annals-it reaches a live feed
 * on annals-it-b. Node B polls only every 10 minutes (its configDropins), both as fallback and as
 * safety net, so an event that arrives within the deadline was carried by a Redis wake-up, or found
 * by the feed's own re-read while events were held back behind an open transaction.
 */
class TwoNodesIT {

  private static URI nodeB;

  @BeforeAll
  static void nodeBIsUp() throws Exception {
    nodeB = URI.create(System.getProperty("annals.it.baseUriB"));
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      try {
        if (Metrics.value(nodeB, "annals_redis_up") == 1) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      assertTrue(System.nanoTime() < deadline, "node B never became ready at " + nodeB);
      Thread.sleep(500);
    }
  }

  @Test
  void anEventAppendedOnNodeAReachesAFeedOnNodeBThroughRedis() throws Exception {
    String tenant = Api.createTenant();
    try (SseClient feed = openOnB(live(tenant, ""))) {
      assertEquals(200, feed.status(), feed.problem());
      feed.untilComment("live", WAIT);
      awaitSubscribedOnB();
      double received = Metrics.count(nodeB, "annals_wakeups_received_total");

      List<String> ids = append(tenant, "cross-node", 2); // on node A

      assertEquals(ids, eventIds(feed.events(2, WAIT)), "both, in order, on node B");
      assertTrue(
          Metrics.count(nodeB, "annals_wakeups_received_total") > received,
          "node B received the wake-up from Redis");
    }
  }

  @Test
  void anEventHeldBackByATransactionThatPublishesNothingArrivesWithoutAnotherWakeUp()
      throws Exception {
    String tenant = Api.createTenant();
    try (SseClient feed = openOnB(live(tenant, ""))) {
      assertEquals(200, feed.status(), feed.problem());
      feed.untilComment("live", WAIT);
      awaitSubscribedOnB();
      String held = UUID.randomUUID().toString();
      List<String> after;
      try (Connection open = Db.openAppend(tenant, "held", held)) {
        double received = Metrics.count(nodeB, "annals_wakeups_received_total");
        after = append(tenant, "behind-held", 1); // on node A: its wake-up reaches node B ...
        Metrics.awaitAbove(nodeB, "annals_wakeups_received_total", received);
        open.commit(); // ... which finds it held back; this commit publishes no wake-up
      }
      assertEquals(
          List.of(held, after.get(0)),
          eventIds(feed.events(2, WAIT)),
          "both, in $all order, long before node B's 10-minute poll");
    }
  }

  /**
   * Opens a feed on node B, again after a 503: a database-mode tenant created on node A has no
   * datasource on node B until its first request there asks for one ("retry in a moment").
   */
  private static SseClient openOnB(String path) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      SseClient feed = SseClient.open(nodeB, path, Tokens.platformAdmin());
      if (feed.status() != 503 || System.nanoTime() > deadline) {
        return feed;
      }
      feed.close();
      Thread.sleep(500);
    }
  }

  /** Node B's subscription is live (not polling): its wake-ups come through Redis from now on. */
  private static void awaitSubscribedOnB() throws Exception {
    Metrics.await(nodeB, "annals_wakeups_polling", 0);
  }
}
