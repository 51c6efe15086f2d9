package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.DeadLettersApi.acknowledged;
import static dev.annals.it.eventstore.DeadLettersApi.eventIds;
import static dev.annals.it.eventstore.DeadLettersApi.letters;
import static dev.annals.it.eventstore.DeadLettersApi.requestsCarrying;
import static dev.annals.it.eventstore.DeadLettersApi.states;
import static dev.annals.it.eventstore.DeadLettersApi.subscribe;
import static dev.annals.it.eventstore.DeadLettersApi.suffix;
import static dev.annals.it.eventstore.SubscriptionsApi.append;
import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Retrying letters, end to end with a webhook receiver in the test JVM: an event the receiver keeps
 * refusing leaves the flow as a retrying letter (its stream's later events park behind it) while
 * the other streams flow; once the receiver recovers, a retry delivers it and then the parked
 * events, in per-stream order and exactly once, counted in the subscription's {@code delivered}; a
 * letter that fails all its attempts becomes open.
 */
class RetryingLetterIT {

  /** Many attempts, short pauses, a breaker that never opens here. */
  private static final String PATIENT =
      "{\"maxAttempts\":50,\"initialBackoffMs\":100,\"maxBackoffMs\":300,"
          + "\"breaker\":{\"failureRatio\":1.0,\"window\":1000,\"delayMs\":1000}}";

  @Test
  void aFailingEventRetriesBesideTheFlowAndEverythingArrivesOnceInOrder() throws Exception {
    String tenant = Api.createTenant();
    String bad = "acct-bad-" + suffix();
    String good = "acct-good-" + suffix();
    String other = "acct-other-" + suffix();
    Set<String> refused = ConcurrentHashMap.newKeySet();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      receiver.failWhen(
          batch ->
              batch.getJsonArray("events").stream()
                  .anyMatch(e -> refused.contains(e.asJsonObject().getString("eventId"))));
      String name = subscribe(tenant, receiver.url(), PATIENT);
      List<String> badIds = new ArrayList<>();
      List<String> goodIds = new ArrayList<>();
      List<String> otherIds = new ArrayList<>();
      UUID headId = UUID.randomUUID();
      String head = headId.toString();
      refused.add(head);
      HttpResponse<String> appended =
          Api.post(
              "/api/tenants/" + tenant + "/streams/" + bad + "/events",
              Api.appendBody("\"any\"", Api.event(headId, "Moved", "{\"i\":0}")));
      assertEquals(201, appended.statusCode(), appended.body());
      badIds.add(head);
      for (int i = 1; i < 4; i++) {
        goodIds.add(append(tenant, good, "Moved", "{\"i\":" + i + "}"));
        badIds.add(append(tenant, bad, "Moved", "{\"i\":" + i + "}"));
        otherIds.add(append(tenant, other, "Moved", "{\"i\":" + i + "}"));
      }

      List<JsonObject> letters =
          await(
              "a retrying letter and three parked behind it",
              () -> letters(tenant, name),
              l ->
                  states(l).stream()
                      .sorted()
                      .toList()
                      .equals(List.of("parked", "parked", "parked", "retrying")));
      JsonObject retrying = DeadLettersApi.only(letters, "retrying");
      assertEquals(head, retrying.getString("eventId"));
      assertNotNull(retrying.getString("dueAt"), retrying.toString());
      assertTrue(retrying.getString("cause").contains("500"), retrying.toString());
      assertEquals(sorted(badIds.subList(1, 4)), sorted(eventIds(letters, "parked")));
      assertEquals(List.of(), acknowledged(receiver, bad), "nothing of the stream went through");
      await("the other streams", () -> acknowledged(receiver, good), goodIds::equals);
      await("the other streams", () -> acknowledged(receiver, other), otherIds::equals);

      JsonObject shown =
          await(
              "the subscription showing its retrying letter",
              () -> SubscriptionsApi.get(tenant, name),
              s -> s.getJsonNumber("retrying").longValue() == 1);
      assertTrue(shown.getString("lastError").contains("500"), shown.toString());
      HttpResponse<String> filtered =
          Api.get("/api/tenants/" + tenant + "/dead-letters?consumer=" + name + "&state=retrying");
      assertEquals(200, filtered.statusCode(), filtered.body());
      assertEquals(1, Api.json(filtered).getJsonArray("deadLetters").size(), filtered.body());

      refused.clear(); // the receiver recovers
      await("the stream, in order", () -> acknowledged(receiver, bad), badIds::equals);
      JsonObject caughtUp =
          await(
              "every event counted delivered",
              () -> SubscriptionsApi.get(tenant, name),
              s -> s.getJsonNumber("delivered").longValue() == 10);
      assertEquals(0, caughtUp.getJsonNumber("retrying").longValue(), caughtUp.toString());
      assertEquals(0, caughtUp.getInt("failures"), caughtUp.toString());
      assertEquals(
          List.of("redriven", "redriven", "redriven", "redriven"),
          states(await("the letters closed", () -> letters(tenant, name), l -> closed(l))));
      assertTrue(requestsCarrying(receiver, head) >= 2, "refused, then retried");

      badIds.add(append(tenant, bad, "Moved", "{\"i\":4}"));
      await("the released stream flows", () -> acknowledged(receiver, bad), badIds::equals);
      assertEquals(goodIds, acknowledged(receiver, good), "each event exactly once");
      assertEquals(otherIds, acknowledged(receiver, other), "each event exactly once");
      assertEquals(4, letters(tenant, name).size(), "no letter for an event that went through");
    }
  }

  @Test
  void aLetterThatFailsAllItsAttemptsBecomesOpen() throws Exception {
    String tenant = Api.createTenant();
    String bad = "acct-bad-" + suffix();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      receiver.failWhen(batch -> DeadLettersApi.streams(batch).contains(bad));
      String name = subscribe(tenant, receiver.url());
      String first = append(tenant, bad, "Moved", "{}");
      JsonObject open =
          await(
                  "the letter given up",
                  () -> letters(tenant, name),
                  l -> l.size() == 1 && l.get(0).getString("state").equals("open"))
              .get(0);
      assertEquals(first, open.getString("eventId"));
      assertEquals(3, open.getInt("attempts"), open.toString());
      assertEquals(3, requestsCarrying(receiver, first), "the policy's three tries, counted");
      String second = append(tenant, bad, "Moved", "{}");
      await(
          "the next event parked behind the open letter",
          () -> letters(tenant, name),
          l -> l.size() == 2 && eventIds(l, "parked").equals(List.of(second)));
      assertEquals(0, requestsCarrying(receiver, second), "parked events are never sent");
      JsonObject shown = SubscriptionsApi.get(tenant, name);
      assertEquals(0, shown.getJsonNumber("retrying").longValue(), shown.toString());
      assertEquals(0, shown.getJsonNumber("delivered").longValue(), shown.toString());
    }
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }

  private static boolean closed(List<JsonObject> letters) {
    return letters.size() == 4 && states(letters).stream().allMatch("redriven"::equals);
  }
}
