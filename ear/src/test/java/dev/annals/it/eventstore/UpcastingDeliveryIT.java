package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static dev.annals.it.eventstore.Upcasts.LIFTED_TYPE;
import static dev.annals.it.eventstore.Upcasts.TYPE;
import static dev.annals.it.eventstore.Upcasts.V1;
import static dev.annals.it.eventstore.Upcasts.V1_LIFTED;
import static dev.annals.it.eventstore.Upcasts.event;
import static dev.annals.it.eventstore.Upcasts.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.SseClient;
import dev.annals.it.handlers.ProbeBrokenUpcaster;
import dev.annals.it.handlers.ProbeWorkflowCreatedUpcaster;
import dev.annals.it.handlers.SeenHandler;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Upcasting where events are delivered or folded, in the suite's isolation mode: the live feed
 * (SSE), an in-process handler, a webhook, and the research workflow rebuilt from old events; an
 * event whose upcaster fails is poison to a subscription: dead-lettered after one attempt, never
 * delivered in its old form.
 */
class UpcastingDeliveryIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void theLiveFeedSendsLiftedEvents() throws Exception {
    String tenant = Api.createTenant();
    Upcasts.registerChain(tenant);
    Upcasts.append(tenant, "live-1", "c-1", event(TYPE, 1, V1));
    try (SseClient feed = SseClient.open("/api/tenants/" + tenant + "/events/live")) {
      assertEquals(200, feed.status(), feed.problem());
      Upcasts.append(tenant, "live-1", "c-2", event(TYPE, 1, V1));
      for (SseClient.Message m : feed.events(2, WAIT)) {
        assertEquals(LIFTED_TYPE, m.event());
        JsonObject e = json(m.data());
        assertEquals(V1_LIFTED, e.getJsonObject("data"));
        assertEquals(4, e.getInt("schemaVersion"));
      }
    }
  }

  @Test
  void aHandlerIsGivenLiftedEvents() {
    String tenant = Api.createTenant();
    Upcasts.registerChain(tenant);
    Upcasts.append(
        tenant, "hand-1", "c-1", event(TYPE, 1, V1), event(TYPE, 3, "{\"street\":\"E\"}"));
    String name = "seen-" + UUID.randomUUID().toString().substring(0, 8);
    SubscriptionsApi.create(tenant, handlerBody(name, "hand-"));
    List<JsonObject> seen =
        await(
            "both events handled",
            () -> SubscriptionsApi.stream(tenant, "seen-" + name),
            s -> s.size() >= 2);
    JsonObject first = seen.get(0).getJsonObject("data");
    assertEquals(LIFTED_TYPE, first.getString("type"));
    assertEquals(4, first.getInt("schemaVersion"));
    assertEquals(V1_LIFTED, first.getJsonObject("data"));
    assertEquals(
        json("{\"address\":{\"street\":\"E\"}}"),
        seen.get(1).getJsonObject("data").getJsonObject("data"),
        "stored at version 3: only the 3→4 upcaster applies");
  }

  @Test
  void anEventWhoseUpcasterFailsIsDeadLetteredAtOnceAndNeverHandledInItsOldForm() {
    String tenant = Api.createTenant();
    Upcasts.append(tenant, "poison-1", "c-1", event(TYPE, 1, V1));
    Upcasts.append(tenant, "poison-1", "c-2", event(ProbeBrokenUpcaster.TYPE, 1, "{}"));
    Upcasts.append(tenant, "poison-1", "c-3", event(TYPE, 1, V1));
    String name = "poison-" + UUID.randomUUID().toString().substring(0, 8);
    SubscriptionsApi.create(tenant, handlerBody(name, "poison-"));
    // Poison: one attempt, then a letter; the stream's next event parks behind it.
    List<JsonObject> letters =
        await(
            "the event that cannot be upcast, dead-lettered",
            () -> DeadLettersApi.letters(tenant, name),
            l -> l.size() == 2);
    JsonObject head = DeadLettersApi.only(letters, "open");
    assertEquals(1, head.getInt("attempts"), head.toString());
    assertTrue(head.getString("cause").contains("could not be upcast"), head.toString());
    assertTrue(head.getString("cause").contains(ProbeBrokenUpcaster.MESSAGE), head.toString());
    DeadLettersApi.only(letters, "parked");
    // The event before it was handled in its own batch; the broken one in no form at all.
    List<JsonObject> seen = SubscriptionsApi.stream(tenant, "seen-" + name);
    assertEquals(1, seen.size(), seen.toString());
    for (JsonObject s : seen) {
      assertTrue(
          !s.getJsonObject("data").getString("type").equals(ProbeBrokenUpcaster.TYPE),
          seen.toString());
    }
  }

  @Test
  void aWebhookReceivesLiftedEvents() throws Exception {
    String tenant = Api.createTenant();
    Upcasts.registerChain(tenant);
    try (WebhookReceiver receiver = new WebhookReceiver(0)) {
      Upcasts.append(tenant, "acct-1", "c-1", event(TYPE, 1, V1));
      String name = "hook-" + UUID.randomUUID().toString().substring(0, 8);
      SubscriptionsApi.create(tenant, WebhookDeliveryIT.webhookBody(name, receiver.url()));
      List<WebhookReceiver.Request> got =
          await("a delivered batch", receiver::acknowledged, a -> !a.isEmpty());
      JsonObject e = got.get(0).json().getJsonArray("events").getJsonObject(0);
      assertEquals(LIFTED_TYPE, e.getString("type"));
      assertEquals(4, e.getInt("schemaVersion"));
      assertEquals(V1_LIFTED, e.getJsonObject("data"));
    }
  }

  @Test
  void theWorkflowIsRebuiltFromOldEventsThroughAJavaAndADeclarativeUpcaster() {
    String tenant = Api.createTenant();
    HttpResponse<String> put =
        Upcasts.put(
            tenant,
            "WorkflowCreated",
            2,
            "[{\"rename\":{\"from\":\"/q\",\"to\":\"/question\"}},"
                + "{\"move\":{\"from\":\"/method\",\"to\":\"/methodology\"}}]");
    assertEquals(200, put.statusCode(), put.body());
    String id = UUID.randomUUID().toString();
    Upcasts.append(
        tenant,
        "workflow-" + id,
        "c-1",
        event(
            ProbeWorkflowCreatedUpcaster.TYPE,
            1,
            "{\"name\":\"Soil\",\"q\":\"Does it drain?\",\"method\":\"Dig\"}"),
        event("WorkflowStarted", 1, "{}"));
    HttpResponse<String> r = Api.get("/api/tenants/" + tenant + "/workflows/" + id);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject w = Api.json(r);
    assertEquals("started", w.getString("state"));
    assertEquals(2, w.getInt("version"));
    assertEquals("Soil", w.getString("title"));
    assertEquals("Does it drain?", w.getString("question"));
    assertEquals("Dig", w.getString("methodology"));
    HttpResponse<String> asOf = Api.get("/api/tenants/" + tenant + "/workflows/" + id + "?asOf=1");
    assertEquals("created", Api.json(asOf).getString("state"), asOf.body());
    // and commands decide on the lifted state
    HttpResponse<String> step =
        Api.post("/api/tenants/" + tenant + "/workflows/" + id + "/steps", "{\"name\":\"dig\"}");
    assertEquals(200, step.statusCode(), step.body());
    assertEquals(JsonValue.ValueType.ARRAY, Api.json(step).get("steps").getValueType());
  }

  private static String handlerBody(String name, String prefix) {
    return "{\"name\":\""
        + name
        + "\",\"filter\":{\"streamPrefix\":\""
        + prefix
        + "\"},\"start\":\"beginning\",\"target\":{\"handler\":\""
        + SeenHandler.NAME
        + "\"}}";
  }
}
