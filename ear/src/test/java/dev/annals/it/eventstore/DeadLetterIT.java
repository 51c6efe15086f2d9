package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.DeadLettersApi.acknowledged;
import static dev.annals.it.eventstore.DeadLettersApi.assertProblem;
import static dev.annals.it.eventstore.DeadLettersApi.eventIds;
import static dev.annals.it.eventstore.DeadLettersApi.firstArrivals;
import static dev.annals.it.eventstore.DeadLettersApi.letter;
import static dev.annals.it.eventstore.DeadLettersApi.letters;
import static dev.annals.it.eventstore.DeadLettersApi.only;
import static dev.annals.it.eventstore.DeadLettersApi.policy;
import static dev.annals.it.eventstore.DeadLettersApi.redrive;
import static dev.annals.it.eventstore.DeadLettersApi.requestsCarrying;
import static dev.annals.it.eventstore.DeadLettersApi.states;
import static dev.annals.it.eventstore.DeadLettersApi.streams;
import static dev.annals.it.eventstore.DeadLettersApi.subscribe;
import static dev.annals.it.eventstore.DeadLettersApi.suffix;
import static dev.annals.it.eventstore.SubscriptionsApi.append;
import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import dev.annals.it.Tokens;
import dev.annals.it.handlers.ProbeBrokenUpcaster;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The failure system end to end, in the suite's isolation mode, with a webhook receiver in the test
 * JVM and the real JMS dead-letter queue: a stream whose events always fail is dead-lettered after
 * its policy's attempts, its later events park behind the letter while other streams flow, and a
 * redrive after the receiver is fixed delivers the letter and then the parked events in order,
 * exactly once; discard needs a reason; both are audited with the principal; another tenant's admin
 * sees nothing.
 */
class DeadLetterIT {

  @Test
  void aFailingStreamIsDeadLetteredParkedAndRedrivenInOrderExactlyOnce() throws Exception {
    String tenant = Api.createTenant();
    String bad = "acct-bad-" + suffix();
    String good = "acct-good-" + suffix();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      receiver.failWhen(batch -> streams(batch).contains(bad));
      String name = subscribe(tenant, receiver.url());
      List<String> badIds = new ArrayList<>();
      List<String> goodIds = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        badIds.add(append(tenant, bad, "Moved", "{\"i\":" + i + "}"));
        goodIds.add(append(tenant, good, "Moved", "{\"i\":" + i + "}"));
      }

      List<JsonObject> letters =
          await(
              "a letter given up and two parked",
              () -> letters(tenant, name),
              l -> l.size() == 3 && states(l).contains("open"));
      JsonObject head = only(letters, "open");
      assertEquals(badIds.get(0), head.getString("eventId"));
      assertEquals(3, head.getInt("attempts"), head.toString());
      assertEquals(3, requestsCarrying(receiver, badIds.get(0)), "three tries, counted");
      assertTrue(head.getString("cause").contains("500"), head.toString());
      assertEquals(sorted(badIds.subList(1, 3)), sorted(eventIds(letters, "parked")));
      assertEquals(List.of(), acknowledged(receiver, bad), "parked events are never delivered");
      await("the other stream", () -> firstArrivals(receiver, good), goodIds::equals);

      badIds.add(append(tenant, bad, "Moved", "{\"i\":3}")); // parks behind the letter too
      goodIds.add(append(tenant, good, "Moved", "{\"i\":3}"));
      await("the other stream's new event", () -> firstArrivals(receiver, good), goodIds::equals);
      await("the fourth letter", () -> letters(tenant, name), l -> l.size() == 4);

      JsonObject detail = letter(tenant, head.getJsonNumber("id").longValue());
      assertEquals(badIds.get(0), detail.getJsonObject("event").getString("eventId"));
      assertNotNull(detail.getString("stackSummary"));

      String ops = "ops-" + suffix();
      String token = Tokens.of(ops, List.of("tenant-admin"), List.of(tenant));
      long headId = head.getJsonNumber("id").longValue();
      JsonObject failedAgain = redrive(tenant, headId, token);
      assertEquals(0, failedAgain.getInt("redriven"));
      assertEquals(1, failedAgain.getInt("failed"));
      assertEquals(4, failedAgain.getInt("remaining"));
      JsonObject again = letter(tenant, headId).getJsonObject("letter");
      assertEquals("open", again.getString("state"));
      assertEquals(4, again.getInt("attempts"), "a failed redrive goes back with one more");

      receiver.failWhen(batch -> false);
      JsonObject redriven = redrive(tenant, headId, token);
      assertEquals(4, redriven.getInt("redriven"), redriven.toString());
      assertEquals(0, redriven.getInt("failed"));
      assertEquals(0, redriven.getInt("remaining"));
      assertEquals(badIds, acknowledged(receiver, bad), "the letter, then the parked, in order");
      assertEquals(
          List.of("redriven", "redriven", "redriven", "redriven"), states(letters(tenant, name)));

      badIds.add(append(tenant, bad, "Moved", "{\"i\":4}"));
      await("the released stream", () -> firstArrivals(receiver, bad), badIds::equals);
      assertEquals(4, letters(tenant, name).size(), "no letter for an event that went through");

      List<String> audited =
          Db.platformColumn(
              "SELECT principal || ' ' || action || ' ' || outcome FROM annals.audit_records"
                  + " WHERE chain = 'tenant:' || ? AND action LIKE 'deadletter.%' ORDER BY seq",
              tenant);
      assertEquals(ops + " deadletter.redriven failed", audited.get(0));
      assertEquals(5, audited.size(), audited.toString());
      assertTrue(
          audited.subList(1, 5).stream()
              .allMatch(a -> a.equals(ops + " deadletter.redriven succeeded")));
    }
  }

  @Test
  void discardNeedsAReasonIsAuditedAndReleasesTheParkedEvents() throws Exception {
    String tenant = Api.createTenant();
    String bad = "acct-bad-" + suffix();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      receiver.failWhen(batch -> streams(batch).contains(bad));
      String name = subscribe(tenant, receiver.url());
      String first = append(tenant, bad, "Moved", "{}");
      String second = append(tenant, bad, "Moved", "{}");
      List<JsonObject> letters =
          await(
              "a letter given up and a parked one",
              () -> letters(tenant, name),
              l -> l.size() == 2 && states(l).contains("open"));
      long id = only(letters, "open").getJsonNumber("id").longValue();
      String ops = "ops-" + suffix();
      String token = Tokens.of(ops, List.of("tenant-admin"), List.of(tenant));
      String path = "/api/tenants/" + tenant + "/dead-letters/" + id + "/discard";

      assertProblem(Api.call("POST", path, "{}", token), 400, "invalid-request");
      assertProblem(Api.call("POST", path, "{\"reason\":\"  \"}", token), 400, "invalid-request");
      assertEquals(
          "open",
          letter(tenant, id).getJsonObject("letter").getString("state"),
          "refusals change nothing");

      receiver.failWhen(batch -> false);
      HttpResponse<String> discarded =
          Api.call("POST", path, "{\"reason\":\"bad data, fixed upstream\"}", token);
      assertEquals(200, discarded.statusCode(), discarded.body());
      JsonObject shown = Api.json(discarded).getJsonObject("letter");
      assertEquals("discarded", shown.getString("state"));
      assertEquals("bad data, fixed upstream", shown.getString("reason"));
      assertEquals(List.of(second), acknowledged(receiver, bad), "the parked one, released");
      assertEquals(3, requestsCarrying(receiver, first), "the discarded one: its tries, no more");
      assertProblem(Api.call("POST", path, "{\"reason\":\"twice\"}", token), 409, "conflict");

      List<String> audited =
          Db.platformColumn(
              "SELECT principal || ' ' || action || ' ' || (detail->>'reason') FROM"
                  + " annals.audit_records WHERE chain = 'tenant:' || ? AND target = ?",
              tenant,
              "dead-letter/" + id);
      assertEquals(List.of(ops + " deadletter.discarded bad data, fixed upstream"), audited);
    }
  }

  @Test
  void anotherTenantsAdminCannotSeeOrRedriveLetters() throws Exception {
    String tenant = Api.createTenant();
    String other = Api.createTenant();
    String bad = "acct-bad-" + suffix();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      receiver.failWhen(batch -> true);
      String name = subscribe(tenant, receiver.url());
      append(tenant, bad, "Moved", "{}");
      long id =
          await(
                  "a letter given up",
                  () -> letters(tenant, name),
                  l -> l.size() == 1 && states(l).contains("open"))
              .get(0)
              .getJsonNumber("id")
              .longValue();
      String outsider = Tokens.of("ops-b", List.of("tenant-admin"), List.of(other));
      String own = "/api/tenants/" + other + "/dead-letters/" + id;
      assertProblem(Api.call("GET", own, null, outsider), 404, "not-found");
      assertProblem(Api.call("POST", own + "/redrive", null, outsider), 404, "not-found");
      HttpResponse<String> theirs =
          Api.call("GET", "/api/tenants/" + tenant + "/dead-letters", null, outsider);
      assertProblem(theirs, 404, "not-found");
      assertTrue(theirs.body().contains("Tenant '" + tenant + "' does not exist"), theirs.body());
      assertProblem(
          Api.call(
              "POST",
              "/api/tenants/" + tenant + "/dead-letters/" + id + "/redrive",
              null,
              outsider),
          404,
          "not-found");
      HttpResponse<String> list =
          Api.call("GET", "/api/tenants/" + other + "/dead-letters", null, outsider);
      assertEquals(200, list.statusCode(), list.body());
      assertEquals(0, Api.json(list).getJsonArray("deadLetters").size());
      assertEquals("open", letters(tenant, name).get(0).getString("state"));

      HttpResponse<String> deleted =
          Api.delete("/api/tenants/" + tenant + "/subscriptions/" + name);
      assertEquals(200, deleted.statusCode(), deleted.body());
      JsonObject forgotten = letters(tenant, name).get(0);
      assertEquals("discarded", forgotten.getString("state"), "a deleted consumer's letters");
      assertEquals("its consumer was deleted", forgotten.getString("reason"));
    }
  }

  @Test
  void theBreakerPausesWithoutLettersAndClosesWhenTheReceiverRecovers() throws Exception {
    String tenant = Api.createTenant();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      receiver.failWhen(batch -> true);
      // The breaker's policy, set before any event is appended.
      String name =
          subscribe(
              tenant,
              receiver.url(),
              "{\"maxAttempts\":100,\"initialBackoffMs\":10,\"maxBackoffMs\":20,"
                  + "\"breaker\":{\"failureRatio\":1.0,\"window\":3,\"delayMs\":500}}");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        ids.add(append(tenant, "acct-" + (i % 2) + "-" + name, "Moved", "{}"));
      }
      JsonObject open =
          await(
              "the breaker open",
              () -> SubscriptionsApi.get(tenant, name).getJsonObject("breaker"),
              b -> b.getString("state").equals("open"));
      assertNotNull(open.getString("since"));
      // The breaker pauses, it never skips: no event is given up, and an event left the flow
      // (retrying beside it, before the breaker opened) only after it was tried.
      for (JsonObject l : letters(tenant, name)) {
        assertTrue(List.of("retrying", "parked").contains(l.getString("state")), l.toString());
        if (l.getString("state").equals("retrying")) {
          assertTrue(requestsCarrying(receiver, l.getString("eventId")) > 0, l.toString());
        }
      }

      receiver.failWhen(batch -> false);
      await(
          "the breaker closed",
          () -> SubscriptionsApi.get(tenant, name).getJsonObject("breaker"),
          b -> b.getString("state").equals("closed"));
      await(
          "every event (at least once: a webhook may get a batch again)",
          () -> {
            Set<String> all = new HashSet<>();
            for (int s = 0; s < 2; s++) {
              all.addAll(acknowledged(receiver, "acct-" + s + "-" + name));
            }
            return all;
          },
          Set.copyOf(ids)::equals);
      await(
          "no letter left waiting: none was given up",
          () -> letters(tenant, name),
          l -> l.stream().allMatch(x -> x.getString("state").equals("redriven")));
      // Either node may drive the subscription: its breaker is at the driving node's /metrics.
      await(
          "the breaker at /metrics",
          () -> breakerMetrics(name),
          m -> m.lines().anyMatch(l -> l.endsWith(" 0") || l.endsWith(" 0.0")));
    }
  }

  @Test
  void anEventWhoseUpcasterThrowsIsDeadLetteredAtOnceWhileTheOthersFlow() throws Exception {
    String tenant = Api.createTenant();
    String bad = "acct-poison-" + suffix();
    String good = "acct-good-" + suffix();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      String name = subscribe(tenant, receiver.url());
      List<String> goodIds = new ArrayList<>();
      goodIds.add(append(tenant, good, "Moved", "{\"i\":0}"));
      String poison = UUID.randomUUID().toString();
      Upcasts.append(
          tenant,
          bad,
          "c-" + suffix(),
          Api.event(UUID.fromString(poison), ProbeBrokenUpcaster.TYPE, "{}"));
      String behind = append(tenant, bad, "Moved", "{}");
      goodIds.add(append(tenant, good, "Moved", "{\"i\":1}"));

      List<JsonObject> letters =
          await(
              "the poison and the one behind it", () -> letters(tenant, name), l -> l.size() == 2);
      JsonObject head = only(letters, "open");
      assertEquals(poison, head.getString("eventId"));
      assertEquals(1, head.getInt("attempts"), "poison: no retries (the policy allows 3)");
      assertTrue(head.getString("cause").contains(ProbeBrokenUpcaster.MESSAGE), head.toString());
      assertEquals(List.of(behind), eventIds(letters, "parked"), "its stream waits behind it");
      assertEquals(0, requestsCarrying(receiver, poison), "never sent, in any form");
      assertEquals(List.of(), acknowledged(receiver, bad));
      await("the other stream", () -> firstArrivals(receiver, good), goodIds::equals);
    }
  }

  @Test
  void subscriptionsPostingToOneFailingHostShareItsBreaker() throws Exception {
    String tenant = Api.createTenant();
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      receiver.failWhen(batch -> true);
      // Their own breakers never open and 100 attempts outlast the test: only the host's breaker
      // (the annals.failures.breaker defaults: 20 posts, half failed, 1 s here) pauses them.
      String patient =
          "{\"maxAttempts\":100,\"initialBackoffMs\":10,\"maxBackoffMs\":20,"
              + "\"breaker\":{\"failureRatio\":1.0,\"window\":1000,\"delayMs\":1000}}";
      String first = subscribe(tenant, receiver.url(), patient);
      String second = "dlq-" + suffix();
      SubscriptionsApi.create(
          tenant, SubscriptionsApi.webhookBody(second, "other-", receiver.url()));
      policy(tenant, second, patient);
      String one = "acct-" + suffix();
      List<String> ids = new ArrayList<>(List.of(append(tenant, one, "Moved", "{}")));

      JsonObject open =
          await(
              "the host's breaker open, by the first's failures",
              () -> SubscriptionsApi.get(tenant, first).getJsonObject("hostBreaker"),
              b -> b.getString("state").equals("open"));
      String host = open.getString("host");
      assertTrue(receiver.url().contains("//" + host + "/"), host + " of " + receiver.url());
      assertEquals(
          "closed",
          SubscriptionsApi.get(tenant, first).getJsonObject("breaker").getString("state"),
          "its own breaker never opens");
      String two = "other-" + suffix();
      ids.add(append(tenant, two, "Moved", "{}"));
      JsonObject shared = SubscriptionsApi.get(tenant, second).getJsonObject("hostBreaker");
      assertEquals(host, shared.getString("host"));
      assertTrue(
          !shared.getString("state").equals("closed"),
          "the second, which failed nothing yet, shares it: " + shared);
      assertTrue(
          letters(tenant, first).stream().noneMatch(l -> l.getString("state").equals("open")),
          "nothing given up: the event retries beside the flow");

      receiver.failWhen(batch -> false);
      await(
          "both events, once the host recovers",
          () -> {
            Set<String> all = new HashSet<>(acknowledged(receiver, one));
            all.addAll(acknowledged(receiver, two));
            return all;
          },
          Set.copyOf(ids)::equals);
      await(
          "the host's breaker closed, on both",
          () ->
              List.of(first, second).stream()
                  .map(n -> SubscriptionsApi.get(tenant, n).getJsonObject("hostBreaker"))
                  .map(b -> b.getString("state"))
                  .toList(),
          List.of("closed", "closed")::equals);
      assertEquals(List.of(), letters(tenant, second));
      await(
          "the host's breaker at /metrics",
          () -> breakerMetrics(host),
          m -> m.contains("kind=\"webhook-host\""));
    }
  }

  private static List<JsonObject> letters(String tenant, String consumer) {
    return SubscriptionsApi.deadLetters(tenant, consumer);
  }

  /** The lines of {@code consumer}'s breaker at /metrics of the node that has them. */
  private static String breakerMetrics(String consumer) {
    StringBuilder found = new StringBuilder();
    for (String base :
        List.of(
            System.getProperty("annals.it.baseUri"), System.getProperty("annals.it.baseUriB"))) {
      HttpResponse<String> r;
      try {
        r = Api.call("GET", base + "/metrics?scope=application", null, Tokens.platformAdmin());
      } catch (java.io.UncheckedIOException notRunning) {
        continue; // node B runs only when a cluster test of the run has started it
      }
      if (r.statusCode() == 200) {
        r.body()
            .lines()
            .filter(l -> l.startsWith("annals_breaker_state") && l.contains(consumer))
            .forEach(l -> found.append(l).append('\n'));
      }
    }
    return found.toString();
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }
}
