package dev.annals.it.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import dev.annals.it.ItServer;
import dev.annals.it.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Declarative sagas against a receiver in the test JVM, and the Java reference saga, over HTTP: all
 * steps succeed; a step that fails for good undoes the finished ones in reverse order, each once; a
 * step that fails within its budget is retried under one idempotency key; an id started twice is
 * one saga; a tenant cannot see, start or cancel another tenant's sagas.
 */
public class SagaIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  static String types(String tenant) {
    return "/api/tenants/" + tenant + "/saga-types/";
  }

  static String sagas(String tenant) {
    return "/api/tenants/" + tenant + "/sagas";
  }

  /** A type of the named steps, each POSTing {@code <run>/<step>} and undoing at …/undo. */
  public static String definition(StepReceiver receiver, String run, String... steps) {
    StringBuilder json = new StringBuilder("{\"steps\":[");
    for (int i = 0; i < steps.length; i++) {
      String url = receiver.base() + run + "/" + steps[i];
      json.append(i == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(steps[i])
          .append("\",\"action\":{\"method\":\"POST\",\"url\":\"")
          .append(url)
          .append("\",\"body\":{\"order\":\"${data.order}\"}},")
          .append("\"compensation\":{\"method\":\"POST\",\"url\":\"")
          .append(url)
          .append("/undo\"},\"retry\":{\"maxAttempts\":3,\"backoffMs\":10,\"maxBackoffMs\":20}}");
    }
    return json.append("]}").toString();
  }

  static String defineType(String tenant, StepReceiver receiver, String run) {
    String type = "t-" + run;
    HttpResponse<String> defined =
        Api.put(types(tenant) + type, definition(receiver, run, "one", "two", "three"));
    assertEquals(201, defined.statusCode(), defined.body());
    return type;
  }

  static JsonObject start(String tenant, String body, int status) {
    HttpResponse<String> started = Api.post(sagas(tenant), body);
    assertEquals(status, started.statusCode(), started.body());
    return Api.json(started);
  }

  static JsonObject awaitState(String tenant, String id, String state) {
    return await(
        "saga " + id + " " + state,
        () -> Api.json(Api.get(sagas(tenant) + "/" + id)),
        s -> state.equals(s.getString("state")));
  }

  static <T> T await(String what, Supplier<T> value, Predicate<T> done) {
    return await(what, PATIENCE, value, done);
  }

  /** Polls {@code value} until {@code done} holds, failing with the last value after patience. */
  public static <T> T await(String what, Duration patience, Supplier<T> value, Predicate<T> done) {
    Instant deadline = Instant.now().plus(patience);
    T last = value.get();
    while (!done.test(last)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("gave up waiting for " + what + "; last seen: " + last);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
      last = value.get();
    }
    return last;
  }

  static List<String> paths(StepReceiver receiver, String run) {
    return receiver.calls(run + "/").stream()
        .map(c -> c.path().substring(run.length() + 1))
        .toList();
  }

  @Test
  void everyStepSucceedsInOrderWithItsKeyAndTheCorrelationId() throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type = defineType(t, receiver, run);
      JsonObject started =
          start(t, "{\"type\":\"" + type + "\",\"data\":{\"order\":\"o-1\"}}", 201);
      String id = started.getString("id");
      JsonObject done = awaitState(t, id, "completed");

      assertEquals(List.of("one", "two", "three"), paths(receiver, run));
      List<StepReceiver.Call> calls = receiver.calls(run + "/");
      assertEquals(id + ":one", calls.get(0).idempotencyKey());
      assertEquals(id + ":three", calls.get(2).idempotencyKey());
      for (StepReceiver.Call c : calls) {
        assertEquals(started.getString("correlationId"), c.correlationId());
        assertEquals("{\"order\":\"o-1\"}", c.body());
      }
      JsonObject data = done.getJsonObject("data");
      assertEquals("o-1", data.getString("order"));
      assertEquals("ok", data.getString("three"), "each answer merges into the data");
      assertEquals(type, done.getString("type"));
      for (JsonObject step : done.getJsonArray("steps").getValuesAs(JsonObject.class)) {
        assertEquals("succeeded", step.getString("state"), done.toString());
        assertEquals(1, step.getInt("attempts"));
        assertTrue(step.containsKey("startedAt") && step.containsKey("finishedAt"));
      }
      JsonObject listed = Api.json(Api.get(sagas(t) + "?state=completed&type=" + type));
      assertEquals(id, listed.getJsonArray("sagas").getJsonObject(0).getString("id"));
      assertEquals(1.0, metric("annals_sagas_started_total", type));
      assertEquals(1.0, metric("annals_sagas_completed_total", type));
      assertEquals(1.0, metric("annals_sagas_duration_seconds_count", type));
    }
  }

  @Test
  void aThirdStepThatFailsForGoodUndoesTheSecondThenTheFirstOnceEach() throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type = defineType(t, receiver, run);
      receiver.always(run + "/three", 503);
      String id =
          start(t, "{\"type\":\"" + type + "\",\"data\":{\"order\":\"o-2\"}}", 201).getString("id");
      JsonObject done = awaitState(t, id, "compensated");

      assertEquals(
          List.of("one", "two", "three", "three", "three", "two/undo", "one/undo"),
          paths(receiver, run));
      assertEquals(
          id + ":two:compensate", receiver.calls(run + "/two/undo").get(0).idempotencyKey());
      List<JsonObject> steps = done.getJsonArray("steps").getValuesAs(JsonObject.class);
      assertEquals("compensated", steps.get(0).getString("state"));
      assertEquals("compensated", steps.get(1).getString("state"));
      assertEquals("failed", steps.get(2).getString("state"));
      assertEquals(3, steps.get(2).getInt("attempts"));
      assertTrue(steps.get(2).getString("error").contains("503"), done.toString());
    }
  }

  @Test
  void aStepThatFailsTwiceThenSucceedsWithinItsBudgetCompensatesNothing() throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type = defineType(t, receiver, run);
      receiver.script(run + "/two", 500, 500);
      String id =
          start(t, "{\"type\":\"" + type + "\",\"data\":{\"order\":\"o-3\"}}", 201).getString("id");
      JsonObject done = awaitState(t, id, "completed");

      assertEquals(List.of("one", "two", "two", "two", "three"), paths(receiver, run));
      assertEquals(
          List.of(id + ":two", id + ":two", id + ":two"),
          receiver.calls(run + "/two").stream().map(StepReceiver.Call::idempotencyKey).toList(),
          "every attempt of a step carries the step's key");
      assertEquals(3, done.getJsonArray("steps").getJsonObject(1).getInt("attempts"));
    }
  }

  @Test
  void aCompensationThatKeepsFailingLeavesCompensationFailedUntilARetryAfterRecovery()
      throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type = defineType(t, receiver, run);
      receiver.always(run + "/three", 409); // a 4xx: fails for good at once
      receiver.always(run + "/two/undo", 500);
      String id =
          start(t, "{\"type\":\"" + type + "\",\"data\":{\"order\":\"o-5\"}}", 201).getString("id");
      JsonObject stuck = awaitState(t, id, "compensation_failed");
      assertEquals(
          "compensation_failed", stuck.getJsonArray("steps").getJsonObject(1).getString("state"));
      assertEquals(
          List.of("one", "two", "three", "two/undo", "two/undo", "two/undo"),
          paths(receiver, run),
          "three is not retried after a 4xx; two's undo is tried within its budget, one's waits");

      receiver.recover(run + "/two/undo");
      HttpResponse<String> retry = Api.post(sagas(t) + "/" + id + "/retry", null, "");
      assertEquals(200, retry.statusCode(), retry.body());
      awaitState(t, id, "compensated");
      assertEquals(
          List.of(
              "one", "two", "three", "two/undo", "two/undo", "two/undo", "two/undo", "one/undo"),
          paths(receiver, run));
      assertEquals(
          List.of(id + ":two:compensate"),
          receiver.calls(run + "/two/undo").stream()
              .map(StepReceiver.Call::idempotencyKey)
              .distinct()
              .toList());
      assertEquals(
          List.of("saga.retried"),
          Db.platformColumn(
              "SELECT action FROM annals.audit_records WHERE chain = 'tenant:' || ?"
                  + " AND target = ? ORDER BY seq",
              t,
              id));
    }
  }

  @Test
  void theSameIdStartedTwiceIsOneSaga() throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type = defineType(t, receiver, run);
      String body = "{\"type\":\"" + type + "\",\"data\":{\"order\":\"o-4\"},\"id\":\"order-4\"}";
      assertEquals("order-4", start(t, body, 201).getString("id"));
      JsonObject again = start(t, body, 200);
      assertEquals("order-4", again.getString("id"));
      awaitState(t, "order-4", "completed");
      assertEquals(List.of("one", "two", "three"), paths(receiver, run));
      assertEquals(
          1,
          Api.json(Api.get(sagas(t) + "?type=" + type)).getJsonArray("sagas").size(),
          "one saga listed");
    }
  }

  @Test
  void aCancelledSagaUndoesItsFinishedStepsAndRefusesASecondCancel() throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String slow =
          "{\"steps\":[{\"name\":\"one\",\"action\":{\"method\":\"POST\",\"url\":\""
              + receiver.base()
              + run
              + "/one\"},\"compensation\":{\"method\":\"POST\",\"url\":\""
              + receiver.base()
              + run
              + "/one/undo\"}},{\"name\":\"two\",\"action\":{\"method\":\"POST\",\"url\":\""
              + receiver.base()
              + run
              + "/two\"},\"retry\":{\"maxAttempts\":5,\"backoffMs\":600000,\"maxBackoffMs\":600000}}]}";
      String type = "slow-" + run;
      assertEquals(201, Api.put(types(t) + type, slow).statusCode());
      receiver.always(run + "/two", 500);
      String id = start(t, "{\"type\":\"" + type + "\"}", 201).getString("id");
      await(
          "step two waiting for its retry",
          () -> Api.json(Api.get(sagas(t) + "/" + id)),
          s -> "waiting_retry".equals(s.getJsonArray("steps").getJsonObject(1).getString("state")));

      HttpResponse<String> cancel = Api.post(sagas(t) + "/" + id + "/cancel", null, "");
      assertEquals(200, cancel.statusCode(), cancel.body());
      awaitState(t, id, "cancelled");
      assertEquals(List.of("one", "two", "one/undo"), paths(receiver, run));

      HttpResponse<String> again = Api.post(sagas(t) + "/" + id + "/cancel", null, "");
      assertEquals(422, again.statusCode(), again.body());
      assertEquals("cancel-running-only", Api.json(again).getString("rule"));
      HttpResponse<String> retry = Api.post(sagas(t) + "/" + id + "/retry", null, "");
      assertEquals(422, retry.statusCode(), retry.body());
      assertEquals("retry-after-failure", Api.json(retry).getString("rule"));
    }
  }

  @Test
  void aSubscriptionStartsOneSagaPerEventCarryingTheEventsCorrelationId() throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type = defineType(t, receiver, run);
      String stream = "order-" + run;
      HttpResponse<String> subscribed =
          Api.post(
              "/api/tenants/" + t + "/subscriptions",
              "{\"name\":\"start-"
                  + type
                  + "\",\"filter\":{\"streamPrefix\":\""
                  + stream
                  + "\"},\"target\":{\"handler\":\"start-saga\"}}");
      assertEquals(201, subscribed.statusCode(), subscribed.body());
      UUID event = UUID.randomUUID();
      String correlation = "corr-" + run;
      HttpResponse<String> appended =
          Api.post(
              "/api/tenants/" + t + "/streams/" + stream + "/events",
              "application/json",
              Api.appendBody("\"any\"", Api.event(event, "OrderPlaced", "{\"order\":\"o-6\"}")),
              "X-Correlation-Id",
              correlation);
      assertEquals(201, appended.statusCode(), appended.body());

      String id = "event-" + event;
      JsonObject done =
          Api.json(
              await(
                  "the saga the event started",
                  () -> Api.get(sagas(t) + "/" + id),
                  r ->
                      r.statusCode() == 200 && "completed".equals(Api.json(r).getString("state"))));
      assertEquals(correlation, done.getString("correlationId"));
      assertEquals("o-6", done.getJsonObject("data").getString("order"));
      assertEquals(List.of("one", "two", "three"), paths(receiver, run));
      for (StepReceiver.Call c : receiver.calls(run + "/")) {
        assertEquals(correlation, c.correlationId());
      }
      assertEquals(1, Api.json(Api.get(sagas(t))).getJsonArray("sagas").size());
    }
  }

  @Test
  void theReferenceJavaSagaAssignsATask() {
    String t = Api.createTenant();
    String task = "task-" + UUID.randomUUID();
    String agent = "agent-" + UUID.randomUUID();
    String id =
        start(
                t,
                "{\"type\":\"assign-task\",\"data\":{\"taskId\":\""
                    + task
                    + "\",\"agentId\":\""
                    + agent
                    + "\"}}",
                201)
            .getString("id");
    JsonObject done = awaitState(t, id, "completed");
    JsonObject data = done.getJsonObject("data");
    assertEquals(task, data.getString("taskId"));
    assertTrue(data.containsKey("runId") && data.containsKey("evidenceId"), data.toString());
  }

  @Test
  void badInputIsRefusedByNameAndChangesNothing() {
    String t = Api.createTenant();
    HttpResponse<String> badMethod =
        Api.put(
            types(t) + "bad-one",
            "{\"steps\":[{\"name\":\"a\",\"action\":{\"method\":\"TRACE\","
                + "\"url\":\"http://example.test/a\"}}]}");
    assertProblem(badMethod, 400, "invalid-request", "'steps[0].action.method'");
    assertProblem(Api.get(types(t) + "bad-one"), 404, "not-found", "bad-one");
    HttpResponse<String> ownPort =
        Api.put(
            types(t) + "bad-two",
            "{\"steps\":[{\"name\":\"a\",\"action\":{\"method\":\"POST\",\"url\":\"http://127.0.0.1:"
                + Api.httpPort()
                + "/api/tenants\"}}]}");
    assertProblem(ownPort, 400, "invalid-request", "'steps[0].action.url'");
    assertProblem(
        Api.put(
            types(t) + "assign-task",
            "{\"steps\":[{\"name\":\"a\",\"action\":{\"method\":\"POST\","
                + "\"url\":\"http://example.test/a\"}}]}"),
        400,
        "invalid-request",
        "Java saga type");
    assertProblem(
        Api.post(sagas(t), "{\"type\":\"no-such-type\"}"), 400, "invalid-request", "'type'");
    assertProblem(
        Api.post(sagas(t), "{\"type\":\"assign-task\",\"data\":[1]}"),
        400,
        "invalid-request",
        "'data'");
    assertProblem(
        Api.post(sagas(t), "{\"type\":\"assign-task\",\"id\":\"no spaces\"}"),
        400,
        "invalid-request",
        "'id'");
    assertProblem(
        Api.post(sagas(t), "{\"type\":\"assign-task\",\"colour\":1}"),
        400,
        "invalid-request",
        "'colour'");
    assertProblem(Api.get(sagas(t) + "?state=sleeping"), 400, "invalid-request", "'state'");
    assertProblem(Api.get(sagas(t) + "/no-such-saga"), 404, "not-found", "no-such-saga");
    assertEquals(0, Api.json(Api.get(sagas(t))).getJsonArray("sagas").size());
  }

  @Test
  void sagaTypeChangesAreAuditedAndReadBack() throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type = defineType(t, receiver, run);
      HttpResponse<String> again = Api.put(types(t) + type, definition(receiver, run, "one"));
      assertEquals(200, again.statusCode(), again.body());
      JsonObject shown = Api.json(Api.get(types(t) + type));
      assertEquals(1, shown.getJsonObject("definition").getJsonArray("steps").size());
      assertEquals(
          type,
          Api.json(Api.get(types(t))).getJsonArray("sagaTypes").getJsonObject(0).getString("type"));
      assertEquals(200, Api.delete(types(t) + type).statusCode());
      assertProblem(Api.delete(types(t) + type), 404, "not-found", type);
      assertEquals(
          List.of("saga-type.created", "saga-type.redefined", "saga-type.deleted"),
          Db.platformColumn(
              "SELECT action FROM annals.audit_records WHERE chain = 'tenant:' || ?"
                  + " AND target = ? ORDER BY seq",
              t,
              type));
    }
  }

  @Test
  void aTenantCannotSeeStartOrCancelAnotherTenantsSagas() throws Exception {
    String a = Api.createTenant();
    String b = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type = defineType(b, receiver, run);
      receiver.script(run + "/two", 500);
      String id =
          start(b, "{\"type\":\"" + type + "\",\"data\":{\"order\":\"o-7\"}}", 201).getString("id");
      String ofA = Tokens.of("writer-of-a", List.of("writer", "reader"), List.of(a));

      HttpResponse<String> missing = Api.call("GET", sagas(a) + "/no-such-saga-" + run, null, ofA);
      for (HttpResponse<String> r :
          List.of(
              Api.call("GET", sagas(a) + "/" + id, null, ofA),
              Api.call("POST", sagas(a) + "/" + id + "/cancel", null, ofA))) {
        assertEquals(404, r.statusCode(), r.body());
        assertEquals(Api.json(missing).getString("type"), Api.json(r).getString("type"));
      }
      for (HttpResponse<String> r :
          List.of(
              Api.call("GET", sagas(b) + "/" + id, null, ofA),
              Api.call("POST", sagas(b) + "/" + id + "/cancel", null, ofA),
              Api.call("POST", sagas(b), "{\"type\":\"" + type + "\"}", ofA),
              Api.call("GET", sagas(b), null, ofA))) {
        assertEquals(404, r.statusCode(), r.body());
      }
      assertProblem(
          Api.call("POST", sagas(a), "{\"type\":\"" + type + "\"}", ofA),
          400,
          "invalid-request",
          type);
      assertEquals(0, Api.json(Api.call("GET", sagas(a), null, ofA)).getJsonArray("sagas").size());
      JsonObject done = awaitState(b, id, "completed");
      assertEquals("succeeded", done.getJsonArray("steps").getJsonObject(2).getString("state"));
    }
  }

  /** The value of a metric tagged with the saga type, from the server's Prometheus text. */
  private static double metric(String name, String type) throws Exception {
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(ItServer.baseUri().resolve("/metrics"))
                    .header("Authorization", "Bearer " + Tokens.platformAdmin())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, metrics.statusCode());
    return metrics
        .body()
        .lines()
        .filter(l -> l.startsWith(name + "{") && l.contains("type=\"" + type + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static void assertProblem(HttpResponse<String> r, int status, String type, String says) {
    assertEquals(status, r.statusCode(), r.body());
    JsonObject problem = Api.json(r);
    assertEquals("https://annals.dev/problems/" + type, problem.getString("type"), r.body());
    assertTrue(problem.getString("detail").contains(says), r.body());
  }
}
