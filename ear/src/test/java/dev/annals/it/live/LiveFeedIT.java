package dev.annals.it.live;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import dev.annals.it.SseClient;
import dev.annals.it.SseClient.Message;
import dev.annals.it.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/tenants/{t}/events/live}: catch-up then live, in $all order, resumable by
 * Last-Event-ID, never skipping an event behind a slow transaction, refusing bad input before the
 * stream starts.
 */
class LiveFeedIT {

  static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void catchUpThenLiveEventsArriveInAllOrderAsReadsShowThem() throws Exception {
    String tenant = Api.createTenant();
    List<String> ids = new ArrayList<>(append(tenant, "order-1", 3));
    try (SseClient feed = SseClient.open(live(tenant, ""))) {
      assertEquals(200, feed.status(), feed.problem());
      List<Message> caughtUp = feed.untilComment("live", WAIT);
      assertEquals(3, caughtUp.size());
      ids.addAll(append(tenant, "order-2", 2));
      ids.addAll(append(tenant, "order-1", 1));
      List<Message> all = new ArrayList<>(caughtUp);
      all.addAll(feed.events(3, WAIT));

      assertEquals(Db.eventIds(tenant), eventIds(all), "every event once, in $all order");
      JsonObject page = Api.json(Api.get("/api/tenants/" + tenant + "/events?limit=100"));
      for (int i = 0; i < all.size(); i++) {
        JsonObject read = page.getJsonArray("events").getJsonObject(i);
        assertEquals(read.getString("position"), all.get(i).id(), "id is the checkpoint");
        assertEquals(read.getString("type"), all.get(i).event(), "event is the type");
        assertEquals(read, json(all.get(i).data()), "data is the event as reads return it");
      }
    }
  }

  @Test
  void filtersSendOnlyMatchingStreamsAndTypes() throws Exception {
    String tenant = Api.createTenant();
    post(tenant, "order-1", event(UUID.randomUUID(), "Placed", "{}"));
    post(tenant, "cart-1", event(UUID.randomUUID(), "Placed", "{}"));
    post(tenant, "order-2", event(UUID.randomUUID(), "Shipped", "{}"));
    post(tenant, "order-3", event(UUID.randomUUID(), "Cancelled", "{}"));
    try (SseClient feed =
        SseClient.open(live(tenant, "?streamPrefix=order-&eventTypes=Placed,%20Cancelled"))) {
      List<Message> sent = feed.untilComment("live", WAIT);
      assertEquals(List.of("Placed", "Cancelled"), sent.stream().map(Message::event).toList());
      post(tenant, "cart-2", event(UUID.randomUUID(), "Cancelled", "{}"));
      post(tenant, "order-4", event(UUID.randomUUID(), "Cancelled", "{}"));
      assertEquals("order-4", json(feed.events(1, WAIT).get(0).data()).getString("streamId"));
    }
  }

  @Test
  void theStreamEndsWithAFinalEventWhenItsTokenExpires() throws Exception {
    String tenant = Api.createTenant();
    append(tenant, "expiring", 1);
    // expired 297 s ago: still accepted for the 300 s clock skew, so for about 3 s more
    String token =
        Tokens.issuer()
            .mint("it-expiring", List.of("reader"), List.of(tenant), Duration.ofSeconds(-297));
    try (SseClient feed = SseClient.open(live(tenant, ""), token)) {
      assertEquals(200, feed.status(), feed.problem());
      Message first = feed.events(1, WAIT).get(0);
      Message last = feed.nextEvent(WAIT).orElseThrow();
      assertEquals("annals:closed", last.event());
      assertEquals(null, last.id(), "no id: Last-Event-ID stays the last event's");
      assertEquals("token-expired", json(last.data()).getString("reason"));
      assertTrue(feed.nextEvent(WAIT).isEmpty(), "the server ended the stream");
      try (SseClient again = SseClient.open(live(tenant, ""), token, "Last-Event-ID", first.id())) {
        assertEquals(401, again.status(), "the expired token opens nothing");
      }
    }
  }

  @Test
  void rawTrueSendsEventsAsStored() throws Exception {
    String tenant = Api.createTenant();
    HttpResponse<String> put =
        Api.put(
            "/api/tenants/" + tenant + "/upcasters/RawProbe/1",
            "{\"operations\":[{\"rename\":{\"from\":\"/qty\",\"to\":\"/quantity\"}}]}");
    assertTrue(put.statusCode() == 200 || put.statusCode() == 201, put.body());
    post(tenant, "raw-1", event(UUID.randomUUID(), "RawProbe", "{\"qty\":2}"));
    try (SseClient lifted = SseClient.open(live(tenant, ""));
        SseClient raw = SseClient.open(live(tenant, "?raw=true"))) {
      JsonObject current = json(lifted.events(1, WAIT).get(0).data());
      assertEquals(2, current.getJsonObject("data").getInt("quantity"));
      assertEquals(2, current.getInt("schemaVersion"));
      JsonObject stored = json(raw.events(1, WAIT).get(0).data());
      assertEquals(2, stored.getJsonObject("data").getInt("qty"));
      assertEquals(1, stored.getInt("schemaVersion"));
    }
    try (SseClient bad = SseClient.open(live(tenant, "?raw=yes"))) {
      assertEquals(400, bad.status(), bad.problem());
    }
  }

  @Test
  void aReconnectWithLastEventIdContinuesExactlyAfterIt() throws Exception {
    String tenant = Api.createTenant();
    append(tenant, "resume", 5);
    List<Message> first;
    try (SseClient feed = SseClient.open(live(tenant, ""))) {
      first = feed.events(2, WAIT);
    }
    List<Message> all;
    try (SseClient feed = SseClient.open(live(tenant, ""))) {
      all = feed.events(5, WAIT);
    }
    // Last-Event-ID wins over 'after' (here: the fourth event).
    String after = "?after=" + all.get(3).id();
    try (SseClient resumed =
        SseClient.open(
            live(tenant, after), Tokens.platformAdmin(), "Last-Event-ID", first.get(1).id())) {
      assertEquals(eventIds(all.subList(2, 5)), eventIds(resumed.events(3, WAIT)));
    }
  }

  @Test
  void anEventHeldByASlowTransactionIsSentBeforeLaterOnesNeverSkipped() throws Exception {
    String tenant = Api.createTenant();
    try (SseClient feed = SseClient.open(live(tenant, ""))) {
      feed.untilComment("live", WAIT);
      String held = UUID.randomUUID().toString();
      List<String> later;
      try (Connection slow = Db.openAppend(tenant, "slow", held)) {
        // Commits after the slow transaction took its position: $all must wait for it.
        later = append(tenant, "fast", 2);
        slow.commit();
      }
      List<Message> sent = feed.events(3, WAIT);
      assertEquals(Db.eventIds(tenant), eventIds(sent), "all three, in $all order");
      assertEquals(held, eventIds(sent).get(0), "the held event first: its transaction is older");
      assertEquals(later, eventIds(sent).subList(1, 3));
    }
  }

  @Test
  void heartbeatsArriveWhileNothingHappens() throws Exception {
    String tenant = Api.createTenant();
    try (SseClient feed = SseClient.open(live(tenant, ""))) {
      feed.untilComment("live", WAIT);
      assertTrue(feed.untilComment("heartbeat", WAIT).isEmpty());
    }
  }

  @Test
  void badInputIsAProblemBeforeTheStreamStarts() throws Exception {
    String tenant = Api.createTenant();
    append(tenant, "s", 1);
    assertRefused(live(tenant, "?after=nonsense"), 400, "invalid-request", "malformed");
    assertRefused(live(tenant, "?after=1-999999999"), 400, "invalid-request", "not a position");
    assertRefused(
        live(tenant, "?eventTypes=Good,bad%20type"), 400, "invalid-request", "eventTypes");
    assertRefused(live(tenant, "?streamPrefix=a%20b"), 400, "invalid-request", "streamPrefix");
    assertRefused(live(Api.newTenantId(), ""), 404, "not-found", "does not exist");
    try (SseClient feed =
        SseClient.open(live(tenant, ""), Tokens.platformAdmin(), "Last-Event-ID", "x")) {
      assertEquals(400, feed.status(), "a bad Last-Event-ID too");
    }
  }

  private static void assertRefused(String path, int status, String type, String detail) {
    try (SseClient feed = SseClient.open(path)) {
      assertEquals(status, feed.status(), path + ": " + feed.problem());
      assertTrue(
          feed.problem().contains("\"type\":\"https://annals.dev/problems/" + type + "\""),
          feed.problem());
      assertTrue(feed.problem().contains(detail), feed.problem());
    }
  }

  static String live(String tenant, String query) {
    return "/api/tenants/" + tenant + "/events/live" + query;
  }

  /** Appends {@code n} events to {@code stream}, one append each; returns their ids. */
  static List<String> append(String tenant, String stream, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      UUID id = UUID.randomUUID();
      post(tenant, stream, event(id, "Counted", "{\"n\":" + i + "}"));
      ids.add(id.toString());
    }
    return ids;
  }

  static void post(String tenant, String stream, String... events) {
    HttpResponse<String> r =
        Api.post(
            "/api/tenants/" + tenant + "/streams/" + stream + "/events",
            appendBody("\"any\"", events));
    assertEquals(201, r.statusCode(), r.body());
  }

  static List<String> eventIds(List<Message> messages) {
    return messages.stream().map(m -> json(m.data()).getString("eventId")).toList();
  }

  static JsonObject json(String text) {
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
      return reader.readObject();
    }
  }
}
