package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static dev.annals.it.eventstore.SubscriptionsApi.effectSources;
import static dev.annals.it.eventstore.SubscriptionsApi.handlerBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A tenant moved to another isolation mode while a subscription delivers its events: the
 * subscription moves with it (its checkpoint stays valid: events keep their positions) and every
 * event, appended before, during and after the move, reaches the handler exactly once, in order.
 */
class SubscriptionMoveIT {

  /** Where the suite's tenants move to: always another mode. */
  private static final Map<String, String> TARGET =
      Map.of("shared", "schema", "schema", "database", "database", "shared");

  @Test
  void aSubscriptionFollowsItsTenantThroughAMove() throws Exception {
    String tenant = Api.createTenant();
    String sub = "moving-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> orders = new ArrayList<>();
    appendOrders(tenant, orders, 3);
    SubscriptionsApi.create(tenant, handlerBody(sub, "orders-", "beginning"));
    await("delivery before the move", () -> effectSources(tenant, sub), s -> s.size() == 3);

    String to = TARGET.get(Api.defaultIsolation());
    HttpResponse<String> move =
        Api.post("/api/tenants/" + tenant + "/move", "{\"isolation\":\"" + to + "\"}");
    assertEquals(202, move.statusCode(), move.body());
    appendOrders(tenant, orders, 5); // during the move (a fenced append answers 503: retried)
    JsonObject moved =
        await(
            "the move's end",
            () -> Api.json(Api.get("/api/tenants/" + tenant)),
            v ->
                v.containsKey("move")
                    && List.of("done", "failed")
                        .contains(v.getJsonObject("move").getString("phase"))
                    && !v.getString("state").equals("moving"));
    assertEquals("done", moved.getJsonObject("move").getString("phase"), moved.toString());
    assertEquals(to, moved.getString("isolation"));
    appendOrders(tenant, orders, 3);

    List<String> delivered =
        await("every event after the move", () -> effectSources(tenant, sub), s -> s.size() >= 11);
    assertEquals(orders, delivered, "each event once, in order, across the move");
    assertEquals(orders, SubscriptionsApi.orderIds(tenant));
  }

  private static void appendOrders(String tenant, List<String> into, int n) {
    for (int i = 0; i < n; i++) {
      UUID id = UUID.randomUUID();
      String body = Api.appendBody("\"any\"", Api.event(id, "Placed", "{}"));
      HttpResponse<String> r =
          await(
              "an append",
              () -> Api.post("/api/tenants/" + tenant + "/streams/orders-m/events", body),
              x -> x.statusCode() != 503);
      assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.body()); // 200: a resend
      into.add(id.toString());
    }
  }
}
