package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.Workflows.assertProblem;
import static dev.annals.it.eventstore.Workflows.createBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The research workflow over HTTP: its lifecycle, refusals, concurrency, resends, history. */
class WorkflowIT {

  private static final int RACERS = 12;

  @Test
  void createAnswers201WithTheNewWorkflowAndItsLocation() {
    Workflows api = Workflows.on(Api.createTenant());
    HttpResponse<String> r = api.create(createBody("Soil", "Does it drain?", "Dig"));
    assertEquals(201, r.statusCode(), r.body());
    JsonObject w = Api.json(r);
    String id = w.getString("id");
    assertEquals(id, UUID.fromString(id).toString());
    assertEquals("created", w.getString("state"));
    assertEquals(1, w.getInt("version"));
    assertEquals("Does it drain?", w.getString("question"));
    assertEquals(0, w.getJsonArray("steps").size());
    assertFalse(w.containsKey("failureReason"));
    assertTrue(
        r.headers().firstValue("Location").orElseThrow().endsWith(api.base() + "/" + id),
        r.headers().toString());
    assertEquals(w, Api.json(api.get(id, null)));
  }

  @Test
  void aWorkflowRunsThroughStartStepsAndCompletion() {
    Workflows api = Workflows.on(Api.createTenant());
    String id = api.create();
    JsonObject started = ok(api.command(id, "start", null));
    assertEquals("started", started.getString("state"));
    assertEquals(2, started.getInt("version"));
    ok(api.command(id, "steps", "{\"name\":\"collect\",\"result\":{\"samples\":12}}"));
    JsonObject stepped = ok(api.command(id, "steps", "{\"name\":\"analyse\"}"));
    assertEquals(4, stepped.getInt("version"));
    assertEquals(
        12,
        stepped.getJsonArray("steps").getJsonObject(0).getJsonObject("result").getInt("samples"));
    assertFalse(stepped.getJsonArray("steps").getJsonObject(1).containsKey("result"));
    JsonObject done = ok(api.command(id, "complete", null));
    assertEquals("completed", done.getString("state"));
    assertEquals(5, done.getInt("version"));
    assertEquals(done, Api.json(api.get(id, null)));
    assertEquals(
        List.of(
            "WorkflowCreated",
            "WorkflowStarted",
            "WorkflowStepCompleted",
            "WorkflowStepCompleted",
            "WorkflowCompleted"),
        types(api, id));
  }

  @Test
  void aStartedWorkflowFailsWithItsReason() {
    Workflows api = Workflows.on(Api.createTenant());
    String id = api.create();
    ok(api.command(id, "start", null));
    JsonObject failed = ok(api.command(id, "fail", "{\"reason\":\"samples lost\"}"));
    assertEquals("failed", failed.getString("state"));
    assertEquals("samples lost", failed.getString("failureReason"));
  }

  @Test
  void illegalTransitionsAre422NamingTheRuleAndStoreNothing() {
    Workflows api = Workflows.on(Api.createTenant());
    String id = api.create();
    refused(api, id, "complete", null, "started-first");
    refused(api, id, "steps", "{\"name\":\"early\"}", "started-first");
    refused(api, id, "fail", "{\"reason\":\"x\"}", "started-first");
    ok(api.command(id, "start", null));
    refused(api, id, "start", null, "start-once");
    ok(api.command(id, "complete", null));
    refused(api, id, "steps", "{\"name\":\"late\"}", "final-state");
    refused(api, id, "fail", "{\"reason\":\"x\"}", "final-state");
    refused(api, id, "complete", null, "final-state");
    refused(api, id, "start", null, "start-once");
    assertEquals(3, types(api, id).size());
  }

  @Test
  void badInputIs400NamingTheFieldAndStoresNothing() {
    Workflows api = Workflows.on(Api.createTenant());
    badRequest(api.create("{\"question\":\"q\",\"methodology\":\"m\"}"), "'title'");
    badRequest(api.create("{\"title\":1,\"question\":\"q\",\"methodology\":\"m\"}"), "'title'");
    badRequest(api.create(createBody("t", " ", "m")), "'question'");
    badRequest(api.create(createBody("t", "q", "x".repeat(2001))), "'methodology'");
    badRequest(
        api.create("{\"title\":\"t\",\"question\":\"q\",\"methodology\":\"m\",\"owner\":1}"),
        "'owner'");
    badRequest(api.create("{\"title\":"), "JSON");
    String id = api.create();
    ok(api.command(id, "start", null));
    badRequest(api.command(id, "steps", "{\"result\":1}"), "'name'");
    badRequest(api.command(id, "steps", "{\"name\":\"a\",\"extra\":true}"), "'extra'");
    badRequest(api.command(id, "fail", "{}"), "'reason'");
    badRequest(api.command("not-a-uuid", "start", null), "'workflowId'");
    badRequest(api.get("not-a-uuid", null), "'workflowId'");
    badRequest(api.get(id, "asOf=yesterday"), "'asOf'");
    badRequest(api.get(id, "asOf=0"), "'asOf'");
    badRequest(api.command(id, "complete", null, "If-Match", "\"two\""), "'If-Match'");
    badRequest(api.command(id, "complete", null, "Idempotency-Key", "has space"), "Idempotency");
    assertEquals(2, types(api, id).size());
  }

  @Test
  void anUnknownWorkflowIs404() {
    Workflows api = Workflows.on(Api.createTenant());
    String missing = UUID.randomUUID().toString();
    assertTrue(
        assertProblem(api.get(missing, null), 404, "not-found")
            .getString("detail")
            .contains(missing));
    assertProblem(api.command(missing, "start", null), 404, "not-found");
  }

  @Test
  void anotherTenantsTokenSeesNoWorkflow() {
    String tenant = Api.createTenant();
    String id = Workflows.on(tenant).create();
    String other = Api.createTenant();
    String outsider = Tokens.of("outsider", List.of("writer", "reader"), List.of(other));
    HttpResponse<String> r =
        Api.call("GET", "/api/tenants/" + tenant + "/workflows/" + id, null, outsider);
    assertEquals(
        "Tenant '" + tenant + "' does not exist",
        assertProblem(r, 404, "not-found").getString("detail"));
    assertProblem(Workflows.on(other).get(id, null), 404, "not-found");
  }

  @Test
  void ofConcurrentCommandsOnTheSameVersionExactlyOneWins() throws Exception {
    Workflows api = Workflows.on(Api.createTenant());
    String id = api.create();
    ok(api.command(id, "start", null));
    List<HttpResponse<String>> responses =
        race(
            () ->
                api.command(
                    id, "steps", "{\"name\":\"" + UUID.randomUUID() + "\"}", "If-Match", "\"2\""));
    assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count());
    for (HttpResponse<String> r : responses) {
      if (r.statusCode() != 200) {
        assertEquals(
            3, assertProblem(r, 409, "wrong-expected-version").getInt("currentVersion"), r.body());
      }
    }
    assertEquals(3, types(api, id).size());
  }

  @Test
  void ofConcurrentStartsExactlyOneIsStored() throws Exception {
    Workflows api = Workflows.on(Api.createTenant());
    String id = api.create();
    List<HttpResponse<String>> responses = race(() -> api.command(id, "start", null));
    assertEquals(1, responses.stream().filter(r -> r.statusCode() == 200).count());
    for (HttpResponse<String> r : responses) {
      if (r.statusCode() == 409) {
        assertProblem(r, 409, "wrong-expected-version");
      } else if (r.statusCode() != 200) {
        assertEquals(
            "start-once", assertProblem(r, 422, "business-rule-violated").getString("rule"));
      }
    }
    assertEquals(List.of("WorkflowCreated", "WorkflowStarted"), types(api, id));
  }

  @Test
  void aResendWithTheSameIdempotencyKeyStoresNothingNew() {
    Workflows api = Workflows.on(Api.createTenant());
    String body = createBody("t", "q", "m");
    String key = "create-" + UUID.randomUUID();
    HttpResponse<String> first = api.create(body, "Idempotency-Key", key);
    assertEquals(201, first.statusCode(), first.body());
    HttpResponse<String> again = api.create(body, "Idempotency-Key", key);
    assertEquals(200, again.statusCode(), again.body());
    String id = Api.json(first).getString("id");
    assertEquals(Api.json(first), Api.json(again));

    String start = "start-" + UUID.randomUUID();
    assertEquals(2, ok(api.command(id, "start", null, "Idempotency-Key", start)).getInt("version"));
    assertEquals(2, ok(api.command(id, "start", null, "Idempotency-Key", start)).getInt("version"));
    String step = "step-" + UUID.randomUUID();
    JsonObject stepped = ok(api.command(id, "steps", "{\"name\":\"a\"}", "Idempotency-Key", step));
    assertEquals(
        stepped, ok(api.command(id, "steps", "{\"name\":\"a\"}", "Idempotency-Key", step)));
    assertEquals(1, stepped.getJsonArray("steps").size());
    // another key is another command
    ok(api.command(id, "steps", "{\"name\":\"a\"}", "Idempotency-Key", step + "-2"));
    assertEquals(4, types(api, id).size());
  }

  @Test
  void asOfShowsTheWorkflowAtAVersionOrATime() {
    Workflows api = Workflows.on(Api.createTenant());
    Instant before = Instant.now().minusSeconds(60);
    String id = api.create();
    ok(api.command(id, "start", null));
    ok(api.command(id, "steps", "{\"name\":\"a\"}"));
    ok(api.command(id, "complete", null));
    assertEquals("created", ok(api.get(id, "asOf=1")).getString("state"));
    JsonObject two = ok(api.get(id, "asOf=2"));
    assertEquals("started", two.getString("state"));
    assertEquals(2, two.getInt("version"));
    assertEquals(0, two.getJsonArray("steps").size());
    assertEquals(ok(api.get(id, null)), ok(api.get(id, "asOf=99")));

    List<JsonObject> events =
        Api.json(api.streamEvents(id)).getJsonArray("events").getValuesAs(JsonObject.class);
    Instant third = Instant.parse(events.get(2).getString("recordedAt"));
    JsonObject atThird = ok(api.get(id, "asOf=" + third));
    assertTrue(atThird.getInt("version") >= 3, atThird.toString());
    assertEquals(ok(api.get(id, "asOf=" + atThird.getInt("version"))), atThird);
    assertEquals(ok(api.get(id, null)), ok(api.get(id, "asOf=" + Instant.now().plusSeconds(60))));
    assertProblem(api.get(id, "asOf=" + before), 404, "not-found");
    assertEquals(
        "created",
        ok(api.get(id, "asOf=" + events.get(0).getString("recordedAt"))).getString("state"));
  }

  private static JsonObject ok(HttpResponse<String> r) {
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  private static void refused(Workflows api, String id, String command, String body, String rule) {
    JsonObject p = assertProblem(api.command(id, command, body), 422, "business-rule-violated");
    assertEquals(rule, p.getString("rule"), p.toString());
  }

  private static void badRequest(HttpResponse<String> r, String named) {
    JsonObject p = assertProblem(r, 400, "invalid-request");
    assertTrue(p.getString("detail").contains(named), p.toString());
  }

  private static List<String> types(Workflows api, String id) {
    return Api.json(api.streamEvents(id))
        .getJsonArray("events")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(e -> e.getString("type"))
        .toList();
  }

  private static List<HttpResponse<String>> race(Callable<HttpResponse<String>> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.call();
                }));
      }
      go.countDown();
      List<HttpResponse<String>> out = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
