package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.SubscriptionsApi.append;
import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import dev.annals.it.Tokens;
import dev.annals.it.saga.StepReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What lives beside a tenant's events moves with it to another isolation mode: an open dead letter
 * and the event parked behind it (the letter redrivable at the target, releasing the parked one in
 * order), the consumer's policy, a finished saga with its steps, and the declarative saga type.
 */
class SideTablesMoveIT {

  private static final String POLICY =
      "{\"maxAttempts\":2,\"initialBackoffMs\":10,\"maxBackoffMs\":20,"
          + "\"breaker\":{\"failureRatio\":1.0,\"window\":1000,\"delayMs\":1000}}";

  @Test
  void lettersParkedEventsPoliciesAndSagasMoveWithTheirTenant() throws Exception {
    String tenant = Api.createTenant();
    String run = suffix();
    String bad = "acct-bad-" + run;
    try (WebhookReceiver receiver = new WebhookReceiver(0);
        StepReceiver steps = new StepReceiver()) {
      receiver.failWhen(batch -> batch.toString().contains(bad));
      String name = "moved-" + run;
      SubscriptionsApi.create(tenant, WebhookDeliveryIT.webhookBody(name, receiver.url()));
      String policy = "/api/tenants/" + tenant + "/subscriptions/" + name + "/policy";
      assertEquals(200, Api.put(policy, POLICY).statusCode());
      List<String> badIds = new ArrayList<>();
      badIds.add(append(tenant, bad, "Moved", "{\"i\":0}"));
      badIds.add(append(tenant, bad, "Moved", "{\"i\":1}"));
      List<JsonObject> letters =
          await(
              "a letter given up and a parked event",
              () -> SubscriptionsApi.deadLetters(tenant, name),
              l -> l.size() == 2 && l.stream().anyMatch(x -> x.getString("state").equals("open")));

      String type = "/api/tenants/" + tenant + "/saga-types/reserve-" + run;
      String definition =
          "{\"steps\":[{\"name\":\"reserve\",\"action\":{\"method\":\"POST\",\"url\":\""
              + steps.base()
              + run
              + "/reserve\"},\"retry\":{\"maxAttempts\":2,\"backoffMs\":10}}]}";
      assertEquals(201, Api.put(type, definition).statusCode());
      HttpResponse<String> started =
          Api.post(
              "/api/tenants/" + tenant + "/sagas",
              "{\"type\":\"reserve-" + run + "\",\"data\":{}}");
      assertEquals(201, started.statusCode(), started.body());
      String saga = "/api/tenants/" + tenant + "/sagas/" + Api.json(started).getString("id");
      JsonObject finished =
          await(
              "the saga's end",
              () -> Api.json(Api.get(saga)),
              s -> s.getString("state").equals("completed"));
      JsonObject typeBefore = Api.json(Api.get(type));

      SubscriptionsApi.awaitMoved(tenant, SubscriptionsApi.moveToAnotherMode(tenant));

      assertEquals(
          withoutIds(letters),
          withoutIds(SubscriptionsApi.deadLetters(tenant, name)),
          "the same letters");
      assertEquals(
          List.of("2 10 20"),
          Db.tenantColumn(
              tenant,
              "SELECT max_attempts || ' ' || initial_backoff_ms || ' ' || max_backoff_ms"
                  + " FROM consumer_policies WHERE tenant_id = ? AND consumer = ?",
              tenant,
              name),
          "the policy, in the tenant's new place");
      assertEquals(typeBefore, Api.json(Api.get(type)));
      assertEquals(finished, Api.json(Api.get(saga)));

      receiver.failWhen(batch -> false);
      long head =
          SubscriptionsApi.deadLetters(tenant, name).stream()
              .filter(l -> l.getString("state").equals("open"))
              .findFirst()
              .orElseThrow()
              .getJsonNumber("id")
              .longValue();
      HttpResponse<String> redriven =
          Api.call(
              "POST",
              "/api/tenants/" + tenant + "/dead-letters/" + head + "/redrive",
              null,
              Tokens.platformAdmin());
      assertEquals(200, redriven.statusCode(), redriven.body());
      assertEquals(2, Api.json(redriven).getInt("redriven"), redriven.body());
      assertEquals(
          badIds, DeadLettersApi.acknowledged(receiver, bad), "the letter, then the parked one");
    }
  }

  /** The letters without their ids (a move numbers them anew), in event order. */
  private static List<JsonObject> withoutIds(List<JsonObject> letters) {
    return letters.stream()
        .map(
            l -> {
              JsonObjectBuilder b = Json.createObjectBuilder(l);
              b.remove("id");
              return b.build();
            })
        .sorted(Comparator.comparing(l -> l.getString("position")))
        .toList();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
