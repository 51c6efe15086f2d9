package dev.annals.saga.internal.declarative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.saga.api.HttpCall;
import dev.annals.saga.api.HttpSagaType;
import dev.annals.saga.api.RetryBudget;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpSagaTypeJsonTest {

  private static final Set<Integer> OWN = Set.of(9080);

  private static final String ORDER =
      """
      {"steps": [
        {"name": "reserve", "action": {"method": "POST", "url": "https://stock.example.test/reservations",
           "body": {"sku": "${data.sku}", "qty": "${data.qty}", "note": "order ${data.orderId}"}},
         "compensation": {"method": "DELETE", "url": "https://stock.example.test/reservations/${data.reservationId}"},
         "retry": {"maxAttempts": 5, "backoffMs": 250}, "timeoutMs": 30000},
        {"name": "charge", "action": {"method": "POST", "url": "http://127.0.0.1:8081/charges"}}
      ], "timeoutMs": 600000}
      """;

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static String refusal(String text) {
    return assertThrows(
            InvalidRequestException.class, () -> HttpSagaTypeJson.parse("order", json(text), OWN))
        .getMessage();
  }

  @Test
  void aDefinitionParsesIntoStepsBudgetsAndTimeouts() {
    HttpSagaType type = HttpSagaTypeJson.parse("order", json(ORDER), OWN);
    assertEquals(2, type.steps().size());
    assertEquals(HttpCall.Method.POST, type.step("reserve").action().method());
    assertTrue(type.step("reserve").compensation().isPresent());
    assertEquals(5, type.step("reserve").retry().maxAttempts());
    assertEquals(Duration.ofMillis(250), type.step("reserve").retry().initialBackoff());
    assertEquals(Duration.ofSeconds(30), type.step("reserve").timeout().orElseThrow());
    assertEquals(RetryBudget.DEFAULT, type.step("charge").retry());
    assertFalse(type.plan().step("charge").orElseThrow().compensable());
    assertEquals(Duration.ofMinutes(10), type.timeout().orElseThrow());
  }

  @Test
  void theStoredFormReadsBackAsTheSameType() {
    HttpSagaType type = HttpSagaTypeJson.parse("order", json(ORDER), OWN);
    JsonObject stored = HttpSagaTypeJson.toJson(type);
    assertEquals(type, HttpSagaTypeJson.parse("order", stored, OWN));
    assertEquals(stored, HttpSagaTypeJson.toJson(HttpSagaTypeJson.parse("order", stored, OWN)));
  }

  @Test
  void refusalsNameTheField() {
    assertEquals("'steps' must be an array of 1-50", refusal("{}"));
    assertEquals("A saga has 1-50 steps", refusal("{\"steps\": []}"));
    assertEquals(
        "'color' is not a field here; expected one of [steps, timeoutMs]",
        refusal("{\"steps\": [], \"color\": 1}"));
    assertEquals(
        "'steps[0].action' must be an object", refusal("{\"steps\": [{\"name\": \"a\"}]}"));
    assertEquals(
        "'steps[0].action.method' must be one of [GET, POST, PUT, PATCH, DELETE]",
        refusal(
            "{\"steps\": [{\"name\": \"a\", \"action\": {\"method\": \"post\", \"url\": \"http://x.test/\"}}]}"));
    assertEquals(
        "'steps[0].action.url' must use http or https, not 'ftp'",
        refusal(
            "{\"steps\": [{\"name\": \"a\", \"action\": {\"method\": \"POST\", \"url\": \"ftp://x.test/\"}}]}"));
    assertEquals(
        "'steps[0].retry.maxAttempts' must be an integer 1-100",
        refusal(
            "{\"steps\": [{\"name\": \"a\", \"action\": {\"method\": \"POST\", \"url\": \"http://x.test/\"},"
                + " \"retry\": {\"maxAttempts\": 1.5, \"backoffMs\": 1}}]}"));
    assertEquals(
        "Step names must be distinct: 'a'",
        refusal(
            "{\"steps\": [{\"name\": \"a\", \"action\": {\"method\": \"POST\", \"url\": \"http://x.test/\"}},"
                + " {\"name\": \"a\", \"action\": {\"method\": \"POST\", \"url\": \"http://x.test/\"}}]}"));
    assertTrue(
        refusal(
                "{\"steps\": [{\"name\": \"A!\", \"action\": {\"method\": \"POST\", \"url\": \"http://x.test/\"}}]}")
            .startsWith("'steps[0].name': Step name must be"));
    assertEquals(
        "'timeoutMs' must be an integer 1-2592000000",
        refusal(
            "{\"steps\": [{\"name\": \"a\", \"action\": {\"method\": \"POST\", \"url\": \"http://x.test/\"}}],"
                + " \"timeoutMs\": 0}"));
  }

  @Test
  void stepsMayNotCallTheServersOwnEndpointsNorChooseTheHostFromData() {
    assertEquals(
        "'steps[0].action.url' points at this server's own endpoints (port 9080): not allowed",
        refusal(
            "{\"steps\": [{\"name\": \"a\", \"action\": {\"method\": \"POST\", \"url\": \"http://localhost:9080/api/tenants\"}}]}"));
    assertEquals(
        "'steps[0].action.url' may have placeholders only after its host: in its path or query",
        refusal(
            "{\"steps\": [{\"name\": \"a\", \"action\": {\"method\": \"GET\", \"url\": \"http://${data.host}/x\"}}]}"));
    assertEquals(
        "'steps[0].compensation.url' may have placeholders only after its host: in its path or query",
        refusal(
            "{\"steps\": [{\"name\": \"a\", \"action\": {\"method\": \"GET\", \"url\": \"http://x.test/\"},"
                + " \"compensation\": {\"method\": \"DELETE\", \"url\": \"http://x.test:${data.port}/\"}}]}"));
  }

  @Test
  void placeholdersAndBodiesAreChecked() {
    assertEquals(
        "'steps[0].action.body.id' has a placeholder '${env.HOME}': use ${data.<field>}",
        refusal(
            "{\"steps\": [{\"name\": \"a\", \"action\": {\"method\": \"POST\", \"url\": \"http://x.test/\","
                + " \"body\": {\"id\": \"${env.HOME}\"}}}]}"));
    assertEquals(
        "'steps[0].action.url' has a '${' that is never closed",
        refusal(
            "{\"steps\": [{\"name\": \"a\", \"action\": {\"method\": \"GET\", \"url\": \"http://x.test/${data.id\"}}]}"));
    assertEquals(
        "'steps[0].action.body' is not allowed with GET",
        refusal(
            "{\"steps\": [{\"name\": \"a\", \"action\": {\"method\": \"GET\", \"url\": \"http://x.test/\", \"body\": {}}}]}"));
  }
}
