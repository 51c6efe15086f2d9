package dev.annals.it.saga;

import static dev.annals.it.saga.SagaIT.awaitState;
import static dev.annals.it.saga.SagaIT.defineType;
import static dev.annals.it.saga.SagaIT.paths;
import static dev.annals.it.saga.SagaIT.sagas;
import static dev.annals.it.saga.SagaIT.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import dev.annals.it.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A compensation that keeps failing becomes a dead letter of kind {@code saga} (the consumer is the
 * saga's type), and the saga shows {@code compensation_failed}; redriving the letter once the
 * receiver recovers finishes the compensation, a saga retried through the saga API makes a later
 * redrive a no-op, and the receiver sees each effect once per idempotency key. Another tenant's
 * admin cannot see or redrive the letter.
 */
public class SagaDeadLetterIT {

  private static String letters(String tenant) {
    return "/api/tenants/" + tenant + "/dead-letters";
  }

  /** A saga of three steps whose third is refused and whose second's undo keeps failing. */
  private static String stuckSaga(String tenant, StepReceiver receiver, String run) {
    String type = defineType(tenant, receiver, run);
    receiver.always(run + "/three", 409);
    receiver.always(run + "/two/undo", 500);
    String id =
        start(tenant, "{\"type\":\"" + type + "\",\"data\":{\"order\":\"o-9\"}}", 201)
            .getString("id");
    awaitState(tenant, id, "compensation_failed");
    return id;
  }

  /** The saga's letters, once the queue has recorded one. */
  private static List<JsonObject> awaitLetters(String tenant, String type, String token) {
    return SagaIT.await(
        "a dead letter of saga type " + type,
        () -> {
          HttpResponse<String> r =
              Api.call("GET", letters(tenant) + "?consumer=" + type, null, token);
          assertEquals(200, r.statusCode(), r.body());
          return Api.json(r).getJsonArray("deadLetters").stream()
              .map(JsonValue::asJsonObject)
              .toList();
        },
        l -> !l.isEmpty());
  }

  private static JsonObject redrive(String tenant, long letter, String token) {
    HttpResponse<String> r =
        Api.call("POST", letters(tenant) + "/" + letter + "/redrive", null, token);
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  /** How many 2xx answers the receiver gave per idempotency key: the effects it applied. */
  private static Map<String, Long> effects(StepReceiver receiver, String run) {
    return receiver.calls(run + "/").stream()
        .filter(c -> c.status() < 300)
        .collect(Collectors.groupingBy(StepReceiver.Call::idempotencyKey, Collectors.counting()));
  }

  /** One effect for each of steps one and two and for each of their compensations. */
  private static Map<String, Long> onceEach(String id) {
    return Map.of(
        id + ":one", 1L, id + ":two", 1L, id + ":two:compensate", 1L, id + ":one:compensate", 1L);
  }

  @Test
  void aCompensationThatKeepsFailingIsADeadLetterWhoseRedriveCompensates() throws Exception {
    String t = Api.createTenant();
    String other = Api.createTenant();
    String run = UUID.randomUUID().toString();
    String type = "t-" + run;
    String admin = Tokens.of("ops-" + t, List.of("tenant-admin"), List.of(t));
    try (StepReceiver receiver = new StepReceiver()) {
      String id = stuckSaga(t, receiver, run);

      List<JsonObject> found = awaitLetters(t, type, admin);
      assertEquals(1, found.size(), found.toString());
      JsonObject letter = found.get(0);
      long letterId = letter.getJsonNumber("id").longValue();
      assertEquals("saga", letter.getString("consumerKind"));
      assertEquals("saga-" + id, letter.getString("streamId"));
      assertEquals("open", letter.getString("state"));
      assertEquals(3, letter.getInt("attempts"));
      assertTrue(letter.getString("cause").contains("'two'"), letter.toString());

      String outsider = Tokens.of("ops-" + other, List.of("tenant-admin"), List.of(other));
      HttpResponse<String> missing =
          Api.call("GET", letters(other) + "/" + Long.MAX_VALUE, null, outsider);
      assertEquals(404, missing.statusCode(), missing.body());
      for (HttpResponse<String> r :
          List.of(
              Api.call("GET", letters(t), null, outsider),
              Api.call("GET", letters(t) + "/" + letterId, null, outsider),
              Api.call("POST", letters(t) + "/" + letterId + "/redrive", null, outsider),
              Api.call("GET", letters(other) + "/" + letterId, null, outsider),
              Api.call("POST", letters(other) + "/" + letterId + "/redrive", null, outsider))) {
        assertEquals(404, r.statusCode(), r.body());
        assertEquals(Api.json(missing).getString("type"), Api.json(r).getString("type"));
      }
      assertEquals(
          0,
          Api.json(Api.call("GET", letters(other), null, outsider))
              .getJsonArray("deadLetters")
              .size());

      JsonObject failedAgain = redrive(t, letterId, admin);
      assertEquals(0, failedAgain.getInt("redriven"), failedAgain.toString());
      assertEquals(1, failedAgain.getInt("failed"), failedAgain.toString());
      assertEquals(
          "compensation_failed", Api.json(Api.get(sagas(t) + "/" + id)).getString("state"));

      receiver.recover(run + "/two/undo");
      JsonObject redriven = redrive(t, letterId, admin);
      assertEquals(1, redriven.getInt("redriven"), redriven.toString());
      assertEquals(0, redriven.getInt("failed"), redriven.toString());
      JsonObject done = Api.json(Api.get(sagas(t) + "/" + id));
      assertEquals("compensated", done.getString("state"), "the redrive waits for the saga");

      List<JsonObject> after = awaitLetters(t, type, admin);
      assertEquals(1, after.size(), "one letter per saga, however often it gave up: " + after);
      assertEquals("redriven", after.get(0).getString("state"));
      assertEquals(4, after.get(0).getInt("attempts"), "a failed redrive counts one more");
      assertEquals(
          onceEach(id), effects(receiver, run), "each effect exactly once by idempotency key");
      assertEquals(
          List.of(
              "one",
              "two",
              "three",
              "two/undo",
              "two/undo",
              "two/undo",
              "two/undo",
              "two/undo",
              "two/undo",
              "two/undo",
              "one/undo"),
          paths(receiver, run),
          "two's undo: 3 tries, 3 more in the failed redrive, 1 that succeeds; then one's");

      HttpResponse<String> retry = Api.post(sagas(t) + "/" + id + "/retry", null, "");
      assertEquals(422, retry.statusCode(), retry.body());
      HttpResponse<String> again =
          Api.call("POST", letters(t) + "/" + letterId + "/redrive", null, admin);
      assertEquals(409, again.statusCode(), again.body());
      assertEquals(
          List.of(
              "ops-" + t + " saga.retried succeeded",
              "ops-" + t + " deadletter.redriven failed",
              "ops-" + t + " saga.retried succeeded",
              "ops-" + t + " deadletter.redriven succeeded"),
          Db.platformColumn(
              "SELECT principal || ' ' || action || ' ' || outcome FROM annals.audit_records"
                  + " WHERE chain = 'tenant:' || ? AND target IN (?, ?) ORDER BY seq",
              t,
              id,
              "dead-letter/" + letterId));
    }
  }

  @Test
  void aSagaRetriedThroughTheApiIsNotCompensatedAgainByARedriveOfItsLetter() throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    String admin = Tokens.of("ops-" + t, List.of("tenant-admin"), List.of(t));
    try (StepReceiver receiver = new StepReceiver()) {
      String id = stuckSaga(t, receiver, run);
      long letterId = awaitLetters(t, "t-" + run, admin).get(0).getJsonNumber("id").longValue();

      receiver.recover(run + "/two/undo");
      HttpResponse<String> retry = Api.post(sagas(t) + "/" + id + "/retry", null, "");
      assertEquals(200, retry.statusCode(), retry.body());
      awaitState(t, id, "compensated");
      List<String> before = paths(receiver, run);

      JsonObject redriven = redrive(t, letterId, admin);
      assertEquals(1, redriven.getInt("redriven"), "nothing left to do is a delivery");
      assertEquals(before, paths(receiver, run), "the redrive called nothing");
      assertEquals(onceEach(id), effects(receiver, run));
    }
  }
}
