package dev.annals.saga.infrastructure.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.annals.saga.api.HttpSagaType;
import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.api.SagaState;
import dev.annals.saga.internal.declarative.HttpSagaTypeJson;
import dev.annals.saga.internal.execution.InMemorySagaLog;
import dev.annals.saga.internal.execution.SagaRunner;
import dev.annals.saga.internal.execution.Transactions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A declarative saga run by the engine's runner against a receiver on this machine: what the
 * receiver sees (order, methods, keys, bodies) and what the saga comes to. (The same saga through
 * the server, with its log in PostgreSQL, is an integration test of the saga endpoints.)
 */
class HttpStepsTest {

  private HttpServer receiver;
  private String base;
  private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();
  private final InMemorySagaLog log = new InMemorySagaLog();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String path = exchange.getRequestURI().getRawPath();
          seen.add(
              exchange.getRequestMethod()
                  + " "
                  + path
                  + " key="
                  + exchange.getRequestHeaders().getFirst("Idempotency-Key")
                  + " corr="
                  + exchange.getRequestHeaders().getFirst("X-Correlation-Id")
                  + (body.isEmpty() ? "" : " " + body));
          Deque<Integer> script = statuses.get(path);
          Integer scripted = script == null ? null : script.poll();
          int status = scripted == null ? 200 : scripted;
          byte[] answer =
              path.equals("/reservations")
                  ? "{\"reservationId\": \"r-7\"}".getBytes(StandardCharsets.UTF_8)
                  : new byte[0];
          exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
          if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
          }
          exchange.close();
        });
    receiver.start();
    base = "http://127.0.0.1:" + receiver.getAddress().getPort();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private HttpSagaType orderSaga() {
    String definition =
        """
        {"steps": [
          {"name": "reserve",
           "action": {"method": "POST", "url": "BASE/reservations", "body": {"sku": "${data.sku}"}},
           "compensation": {"method": "DELETE", "url": "BASE/reservations/${data.reservationId}"},
           "retry": {"maxAttempts": 3, "backoffMs": 0}},
          {"name": "charge",
           "action": {"method": "POST", "url": "BASE/charges", "body": {"for": "${data.reservationId}"}},
           "compensation": {"method": "POST", "url": "BASE/refunds"},
           "retry": {"maxAttempts": 3, "backoffMs": 0}},
          {"name": "ship",
           "action": {"method": "POST", "url": "BASE/shipments"},
           "retry": {"maxAttempts": 2, "backoffMs": 0}}
        ]}
        """
            .replace("BASE", base);
    JsonObject json = Json.createReader(new StringReader(definition)).readObject();
    return HttpSagaTypeJson.parse("order", json, Set.of(9080));
  }

  private Saga run() {
    HttpSagaType type = orderSaga();
    SagaId id = new SagaId("o-1");
    Saga saga = new Saga(id);
    JsonObject data = Json.createObjectBuilder().add("sku", "ABC-1").build();
    saga.start(type.plan(), data, "corr-9", Clock.systemUTC().instant());
    log.save(saga);
    SagaRunner runner =
        new SagaRunner(
            log,
            Transactions.DIRECT,
            t ->
                new HttpSteps(type, HttpSteps.client(Duration.ofSeconds(2)), Duration.ofSeconds(5)),
            Clock.systemUTC(),
            () -> 0.0);
    runner.advance(id);
    return log.load(id).orElseThrow();
  }

  private void answer(String path, Integer... codes) {
    statuses.put(path, new ArrayDeque<>(List.of(codes)));
  }

  @Test
  void allStepsSucceedAndLaterStepsUseWhatEarlierAnswersAdded() {
    Saga saga = run();
    assertEquals(SagaState.COMPLETED, saga.state());
    assertEquals(
        List.of(
            "POST /reservations key=o-1:reserve corr=corr-9 {\"sku\":\"ABC-1\"}",
            "POST /charges key=o-1:charge corr=corr-9 {\"for\":\"r-7\"}",
            "POST /shipments key=o-1:ship corr=corr-9"),
        seen);
    assertEquals("r-7", saga.data().getString("reservationId"));
  }

  @Test
  void theThirdStepFailingForGoodCompensatesTheSecondThenTheFirstEachOnce() {
    answer("/shipments", 503, 503);
    Saga saga = run();
    assertEquals(SagaState.COMPENSATED, saga.state());
    assertEquals(
        List.of(
            "POST /reservations key=o-1:reserve corr=corr-9 {\"sku\":\"ABC-1\"}",
            "POST /charges key=o-1:charge corr=corr-9 {\"for\":\"r-7\"}",
            "POST /shipments key=o-1:ship corr=corr-9",
            "POST /shipments key=o-1:ship corr=corr-9",
            "POST /refunds key=o-1:charge:compensate corr=corr-9",
            "DELETE /reservations/r-7 key=o-1:reserve:compensate corr=corr-9"),
        seen);
  }

  @Test
  void aStepFailingTwiceThenSucceedingWithinItsBudgetNeedsNoCompensation() {
    answer("/charges", 500, 429);
    Saga saga = run();
    assertEquals(SagaState.COMPLETED, saga.state());
    assertEquals(3, saga.steps().get(1).attempts());
    assertEquals(5, seen.size());
  }

  @Test
  void aClientErrorFailsTheStepAtOnceNamingStatusAndHostOnly() {
    answer("/charges", 422);
    Saga saga = run();
    assertEquals(SagaState.COMPENSATED, saga.state());
    assertEquals(1, saga.steps().get(1).attempts());
    assertEquals("HTTP 422 from 127.0.0.1", saga.steps().get(1).error().orElseThrow());
    assertEquals(
        "DELETE /reservations/r-7 key=o-1:reserve:compensate corr=corr-9",
        seen.get(seen.size() - 1));
  }

  @Test
  void aCompensationThatKeepsFailingLeavesTheSagaCompensationFailed() {
    answer("/shipments", 400);
    answer("/refunds", 500, 500, 500);
    Saga saga = run();
    assertEquals(SagaState.COMPENSATION_FAILED, saga.state());
    assertEquals(3, saga.steps().get(1).compensationAttempts());
    assertEquals(
        0, seen.stream().filter(s -> s.startsWith("DELETE")).count(), "the first step waits");
  }
}
