package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.SubscriptionsApi.append;
import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Webhook subscriptions against a receiver in the test JVM, in the suite's isolation mode: every
 * event once per acknowledged batch, in per-stream order, with a valid signature; a batch answered
 * 500 comes again, one event at a time. The secret is stored sealed, never in clear.
 */
class WebhookDeliveryIT {

  @Test
  void aReceiverGetsEveryEventOnceInStreamOrderSigned() throws Exception {
    String tenant = Api.createTenant();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      Map<String, List<String>> appended = new HashMap<>();
      for (int i = 0; i < 30; i++) {
        String stream = "acct-" + (i % 3);
        appended
            .computeIfAbsent(stream, s -> new ArrayList<>())
            .add(append(tenant, stream, "Moved", "{\"i\":" + i + "}"));
        if (i == 10) {
          append(tenant, "other-1", "Ignored", "{}"); // outside the filter
        }
      }
      String name = "hook-" + UUID.randomUUID().toString().substring(0, 8);
      JsonObject created = SubscriptionsApi.create(tenant, webhookBody(name, receiver.url()));
      String secret = created.getString("secret");
      assertEquals(64, secret.length());
      assertFalse(SubscriptionsApi.get(tenant, name).toString().contains(secret), "shown once");
      List<String> stored =
          Db.tenantColumn(tenant, "SELECT webhook_secret FROM subscriptions WHERE name = ?", name);
      assertEquals(1, stored.size());
      assertFalse(
          stored.get(0).contains(secret.substring(0, 16)),
          "a database dump does not reveal the secret: " + stored.get(0));
      for (int i = 30; i < 40; i++) {
        String stream = "acct-" + (i % 3);
        appended.get(stream).add(append(tenant, stream, "Moved", "{\"i\":" + i + "}"));
      }

      Map<String, List<String>> received =
          await("every event", () -> byStream(receiver.acknowledged()), r -> count(r) >= 40);
      assertEquals(appended, received, "each event once, in per-stream order");
      String lastCheckpoint = null;
      for (WebhookReceiver.Request r : receiver.acknowledged()) {
        assertEquals(WebhookReceiver.sign(secret, r.body()), r.signature());
        JsonObject batch = r.json();
        assertEquals(name, batch.getString("subscription"));
        List<JsonValue> events = batch.getJsonArray("events");
        assertEquals(
            events.get(events.size() - 1).asJsonObject().getString("position"),
            batch.getString("checkpoint"));
        JsonObject first = events.get(0).asJsonObject();
        assertNotNull(first.getJsonObject("data"));
        assertNotNull(first.getJsonObject("metadata").getString("correlationId"));
        lastCheckpoint = batch.getString("checkpoint");
      }
      String acknowledged = lastCheckpoint;
      await(
          "the checkpoint of the last acknowledged batch",
          () -> SubscriptionsApi.get(tenant, name).getString("checkpoint"),
          acknowledged::equals);
    }
  }

  @Test
  void aBatchAnswered500ComesAgainUntilAcknowledged() throws Exception {
    String tenant = Api.createTenant();
    try (WebhookReceiver receiver = new WebhookReceiver(3)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ids.add(append(tenant, "acct-r", "Moved", "{}"));
      }
      String name = "hook-" + UUID.randomUUID().toString().substring(0, 8);
      SubscriptionsApi.create(tenant, webhookBody(name, receiver.url()));

      await("an acknowledged batch", receiver::acknowledged, a -> !a.isEmpty());
      List<WebhookReceiver.Request> all = receiver.requests();
      assertEquals(
          List.of(500, 500, 500, 204),
          all.subList(0, 4).stream().map(WebhookReceiver.Request::status).toList());
      assertEquals(ids, eventIds(all.get(0)), "attempt 1 carries the batch");
      // A failed batch is tried whole once more; failing again, delivery goes one event at a
      // time until past it (so only an event at fault collects attempts): its first event, which
      // fails a third time and leaves the flow as a retrying letter (the stream's other events
      // park behind it). Its retry goes through, then the parked events follow, one at a time.
      assertEquals(ids, eventIds(all.get(1)), "attempt 2 carries the batch again");
      assertEquals(ids.subList(0, 1), eventIds(all.get(2)), "attempt 3: the first event alone");
      assertEquals(ids.subList(0, 1), eventIds(all.get(3)), "its retry beside the flow");
      JsonObject shown =
          await(
              "the acknowledgement",
              () -> SubscriptionsApi.get(tenant, name),
              s -> s.getJsonNumber("delivered").longValue() == 5);
      assertEquals(0, shown.getInt("failures"));
      assertEquals(ids, byStream(receiver.acknowledged()).get("acct-r"));
    }
  }

  static String webhookBody(String name, String url) {
    return "{\"name\":\""
        + name
        + "\",\"filter\":{\"streamPrefix\":\"acct-\"},\"target\":{\"webhook\":{\"url\":\""
        + url
        + "\"}}}";
  }

  private static List<String> eventIds(WebhookReceiver.Request r) {
    return r.json().getJsonArray("events").stream()
        .map(e -> e.asJsonObject().getString("eventId"))
        .toList();
  }

  private static Map<String, List<String>> byStream(List<WebhookReceiver.Request> requests) {
    Map<String, List<String>> out = new HashMap<>();
    for (WebhookReceiver.Request r : requests) {
      for (JsonValue e : r.json().getJsonArray("events")) {
        JsonObject event = e.asJsonObject();
        out.computeIfAbsent(event.getString("streamId"), s -> new ArrayList<>())
            .add(event.getString("eventId"));
      }
    }
    return out;
  }

  private static int count(Map<String, List<String>> byStream) {
    return byStream.values().stream().mapToInt(List::size).sum();
  }
}
