package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static dev.annals.it.eventstore.SubscriptionsApi.effectSources;
import static dev.annals.it.eventstore.SubscriptionsApi.handlerBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A tenant moved to another isolation mode while subscriptions deliver its events: they move with
 * it (their checkpoints stay valid: events keep their positions) and every event, appended before,
 * during and after the move, reaches the handler exactly once, in order, and the webhook receiver
 * at least once, in order once deduplicated on {@code eventId}.
 */
class SubscriptionMoveIT {

  @Test
  void aSubscriptionFollowsItsTenantThroughAMove() throws Exception {
    String tenant = Api.createTenant();
    String sub = "moving-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> orders = new ArrayList<>();
    appendOrders(tenant, orders, 3);
    SubscriptionsApi.create(tenant, handlerBody(sub, "orders-", "beginning"));
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      SubscriptionsApi.create(
          tenant, SubscriptionsApi.webhookBody(sub + "-hook", "orders-", receiver.url()));
      await("delivery before the move", () -> effectSources(tenant, sub), s -> s.size() == 3);
      moveUnderWrites(tenant, orders);

      List<String> delivered =
          await(
              "every event after the move", () -> effectSources(tenant, sub), s -> s.size() >= 11);
      assertEquals(orders, delivered, "each event once, in order, across the move");
      assertEquals(orders, SubscriptionsApi.orderIds(tenant));
      assertEquals(
          orders,
          List.copyOf(
              await("every event at the receiver", () -> received(receiver), r -> r.size() >= 11)),
          "each event at least once, in order once deduplicated, across the move");
    }
  }

  private static void moveUnderWrites(String tenant, List<String> orders) {
    String to = SubscriptionsApi.moveToAnotherMode(tenant);
    appendOrders(tenant, orders, 5); // during the move (a fenced append answers 503: retried)
    SubscriptionsApi.awaitMoved(tenant, to);
    appendOrders(tenant, orders, 3);
  }

  /** The event ids the receiver acknowledged, each at its first arrival. */
  private static Set<String> received(WebhookReceiver receiver) {
    Set<String> ids = new LinkedHashSet<>();
    for (WebhookReceiver.Request r : receiver.acknowledged()) {
      for (JsonValue e : r.json().getJsonArray("events")) {
        ids.add(e.asJsonObject().getString("eventId"));
      }
    }
    return ids;
  }

  private static void appendOrders(String tenant, List<String> into, int n) {
    SubscriptionsApi.appendRetrying(tenant, "orders-m", into, n);
  }
}
