package dev.annals.it.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dead-letter endpoints and the webhook receiver's view, as the failure tests use them: a
 * webhook subscription with a short policy, its letters, a redrive, and what the receiver got.
 */
public final class DeadLettersApi {

  /** Three attempts, short pauses, a breaker that never opens in these tests. */
  public static final String POLICY =
      "{\"maxAttempts\":3,\"initialBackoffMs\":20,\"maxBackoffMs\":60,"
          + "\"breaker\":{\"failureRatio\":1.0,\"window\":1000,\"delayMs\":1000}}";

  private DeadLettersApi() {}

  /** A webhook subscription on "acct-" posting to {@code url} with {@link #POLICY}; its name. */
  public static String subscribe(String tenant, String url) {
    return subscribe(tenant, url, POLICY);
  }

  /**
   * A webhook subscription on "acct-" posting to {@code url} with {@code policy}, set before any
   * event of the tenant is appended; its name.
   */
  public static String subscribe(String tenant, String url, String policy) {
    String name = "dlq-" + suffix();
    SubscriptionsApi.create(tenant, WebhookDeliveryIT.webhookBody(name, url));
    policy(tenant, name, policy);
    return name;
  }

  /** Sets a subscription's policy. */
  public static void policy(String tenant, String name, String policy) {
    HttpResponse<String> set =
        Api.put("/api/tenants/" + tenant + "/subscriptions/" + name + "/policy", policy);
    assertEquals(200, set.statusCode(), set.body());
  }

  /** The consumer's letters, by id. */
  public static List<JsonObject> letters(String tenant, String consumer) {
    HttpResponse<String> r =
        Api.get("/api/tenants/" + tenant + "/dead-letters?consumer=" + consumer + "&limit=1000");
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r).getJsonArray("deadLetters").stream().map(JsonValue::asJsonObject).toList();
  }

  /** One letter in full: {@code {"letter", "stackSummary", "event"}}. */
  public static JsonObject letter(String tenant, long id) {
    HttpResponse<String> r = Api.get("/api/tenants/" + tenant + "/dead-letters/" + id);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  /** Redrives a letter with {@code token}; the summary. */
  public static JsonObject redrive(String tenant, long id, String token) {
    HttpResponse<String> r =
        Api.call(
            "POST", "/api/tenants/" + tenant + "/dead-letters/" + id + "/redrive", null, token);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  public static List<String> states(List<JsonObject> letters) {
    return letters.stream().map(l -> l.getString("state")).toList();
  }

  /** The event ids of the letters in {@code state}, by letter id. */
  public static List<String> eventIds(List<JsonObject> letters, String state) {
    return letters.stream()
        .filter(l -> l.getString("state").equals(state))
        .map(l -> l.getString("eventId"))
        .toList();
  }

  /** The one letter in {@code state}. */
  public static JsonObject only(List<JsonObject> letters, String state) {
    List<JsonObject> in = letters.stream().filter(l -> l.getString("state").equals(state)).toList();
    assertEquals(1, in.size(), letters.toString());
    return in.get(0);
  }

  /** The streams of a webhook batch's events. */
  public static List<String> streams(JsonObject batch) {
    return batch.getJsonArray("events").stream()
        .map(e -> e.asJsonObject().getString("streamId"))
        .toList();
  }

  /** The ids of {@code stream}'s events the receiver acknowledged, in the order it got them. */
  public static List<String> acknowledged(WebhookReceiver receiver, String stream) {
    List<String> out = new ArrayList<>();
    for (WebhookReceiver.Request r : receiver.acknowledged()) {
      for (JsonValue e : r.json().getJsonArray("events")) {
        if (e.asJsonObject().getString("streamId").equals(stream)) {
          out.add(e.asJsonObject().getString("eventId"));
        }
      }
    }
    return out;
  }

  /**
   * The ids of {@code stream}'s events the receiver acknowledged, each at its first arrival: a
   * webhook is delivered at least once, and a batch whose acknowledgement was lost comes again.
   */
  public static List<String> firstArrivals(WebhookReceiver receiver, String stream) {
    return acknowledged(receiver, stream).stream().distinct().toList();
  }

  /** How many requests the receiver got (answered or refused) that carried the event. */
  public static int requestsCarrying(WebhookReceiver receiver, String eventId) {
    return (int)
        receiver.requests().stream()
            .filter(
                r ->
                    r.json().getJsonArray("events").stream()
                        .anyMatch(e -> e.asJsonObject().getString("eventId").equals(eventId)))
            .count();
  }

  public static void assertProblem(HttpResponse<String> r, int status, String type) {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(
        r.body().contains("\"type\":\"https://annals.dev/problems/" + type + "\""), r.body());
  }

  public static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
