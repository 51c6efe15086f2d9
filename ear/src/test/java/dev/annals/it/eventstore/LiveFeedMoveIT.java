package dev.annals.it.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.SseClient;
import dev.annals.it.Tokens;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The live feed in the suite's isolation mode (so in every mode): catch-up, then live, and across a
 * move of its tenant to another mode. The server may end the stream while the tenant moves; the
 * client then reconnects with {@code Last-Event-ID} (again while the tenant answers 503), and in
 * the end it has every event exactly once, in {@code $all} order.
 */
class LiveFeedMoveIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void aFollowerGetsEveryEventOnceInOrderAcrossAMoveOfItsTenant() throws Exception {
    String tenant = Api.createTenant();
    List<String> orders = new ArrayList<>();
    SubscriptionsApi.appendRetrying(tenant, "orders-f", orders, 3);
    List<SseClient.Message> received = new ArrayList<>();
    SseClient feed = open(tenant, null);
    try {
      received.addAll(feed.untilComment("live", WAIT));
      assertEquals(orders, ids(received), "caught up in $all order");
      SubscriptionsApi.appendRetrying(tenant, "orders-f", orders, 2);
      received.addAll(feed.events(2, WAIT));
      assertEquals(orders, ids(received), "live");

      String to = SubscriptionsApi.moveToAnotherMode(tenant);
      SubscriptionsApi.appendRetrying(tenant, "orders-f", orders, 5);
      SubscriptionsApi.awaitMoved(tenant, to);
      SubscriptionsApi.appendRetrying(tenant, "orders-f", orders, 3);

      long deadline = System.nanoTime() + WAIT.toNanos();
      while (received.size() < orders.size()) {
        assertTrue(System.nanoTime() < deadline, "received " + received.size() + " of " + orders);
        Optional<SseClient.Message> next = feed.nextEvent(WAIT);
        if (next.isPresent()) {
          received.add(next.get());
        } else {
          feed.close(); // ended by the server: resume after the last event received
          feed = open(tenant, received.get(received.size() - 1).id());
        }
      }
    } finally {
      feed.close();
    }
    assertEquals(orders, ids(received), "every event once, in order, across the move");
    assertEquals(orders, SubscriptionsApi.orderIds(tenant));
  }

  /** Opens the feed, again while the tenant answers 503 (fenced by its move). */
  private static SseClient open(String tenant, String lastEventId) throws InterruptedException {
    String path = "/api/tenants/" + tenant + "/events/live?streamPrefix=orders-";
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      SseClient feed =
          lastEventId == null
              ? SseClient.open(path)
              : SseClient.open(path, Tokens.platformAdmin(), "Last-Event-ID", lastEventId);
      if (feed.status() == 200) {
        return feed;
      }
      feed.close();
      assertEquals(503, feed.status(), feed.problem());
      assertTrue(System.nanoTime() < deadline, "the feed answered 503 for a minute");
      Thread.sleep(200);
    }
  }

  private static List<String> ids(List<SseClient.Message> messages) {
    return messages.stream().map(LiveFeedMoveIT::eventId).toList();
  }

  private static String eventId(SseClient.Message m) {
    try (var reader = Json.createReader(new StringReader(m.data()))) {
      return reader.readObject().getString("eventId");
    }
  }
}
