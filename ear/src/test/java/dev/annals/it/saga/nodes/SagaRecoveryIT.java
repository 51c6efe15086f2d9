package dev.annals.it.saga.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.it.Api;
import dev.annals.it.ItServer;
import dev.annals.it.saga.SagaIT;
import dev.annals.it.saga.StepReceiver;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What survives: a retry timer fires after the server restarts; a server killed (SIGKILL) during a
 * step or during a compensation leaves the saga to be resumed (by the restarted server or by the
 * second node, whichever claims it first once the dead node's lease ran out), and the receiver sees
 * each step's effect once by its idempotency key; with two servers scanning, each timer fires once.
 */
class SagaRecoveryIT {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  /**
   * Each test stops or kills the server: once, with shared-mode tenants, is enough. (Per test, so
   * the other modes' runs count them skipped and still write their summaries.)
   */
  @BeforeEach
  void sharedModeOnly() {
    assumeTrue("shared".equals(Api.defaultIsolation()), "runs with shared-mode tenants only");
  }

  private static String sagas(String tenant) {
    return "/api/tenants/" + tenant + "/sagas";
  }

  private static String step(StepReceiver r, String run, String name, boolean undo, String retry) {
    String url = r.base() + run + "/" + name;
    return "{\"name\":\""
        + name
        + "\",\"action\":{\"method\":\"POST\",\"url\":\""
        + url
        + "\"}"
        + (undo ? ",\"compensation\":{\"method\":\"POST\",\"url\":\"" + url + "/undo\"}" : "")
        + (retry == null ? "" : ",\"retry\":" + retry)
        + "}";
  }

  private static String type(String tenant, String run, String... steps) {
    String type = "r-" + run;
    HttpResponse<String> defined =
        Api.put(
            "/api/tenants/" + tenant + "/saga-types/" + type,
            "{\"steps\":[" + String.join(",", steps) + "]}");
    assertEquals(201, defined.statusCode(), defined.body());
    return type;
  }

  private static String start(String tenant, String type, String data) {
    HttpResponse<String> started =
        Api.post(sagas(tenant), "{\"type\":\"" + type + "\",\"data\":" + data + "}");
    assertEquals(201, started.statusCode(), started.body());
    return Api.json(started).getString("id");
  }

  private static JsonObject awaitState(String tenant, String id, String state) {
    return Api.json(
        SagaIT.await(
            "saga " + id + " " + state,
            PATIENCE,
            () -> Api.get(sagas(tenant) + "/" + id),
            r -> r.statusCode() == 200 && state.equals(Api.json(r).getString("state"))));
  }

  private static List<String> keys(StepReceiver r, String path) {
    return r.calls(path).stream().map(StepReceiver.Call::idempotencyKey).distinct().toList();
  }

  @Test
  void aServerKilledMidStepLeavesTheSagaToCompleteWithEachEffectOnce() throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type =
          type(
              t,
              run,
              step(receiver, run, "one", true, null),
              step(receiver, run, "two", true, null));
      receiver.holdFirst(run + "/one");
      String id = start(t, type, "{}");
      receiver.awaitHeld(run + "/one");
      ItServer.killAndStart(() -> receiver.release(run + "/one"));

      JsonObject done = awaitState(t, id, "completed");
      assertTrue(receiver.calls(run + "/one").size() >= 2, "the attempt in flight ran again");
      assertEquals(List.of(id + ":one"), keys(receiver, run + "/one"), "under the same key");
      assertEquals(List.of(id + ":two"), keys(receiver, run + "/two"));
      assertEquals(1, done.getJsonArray("steps").getJsonObject(0).getInt("attempts"));
      assertEquals(List.of(), receiver.calls(run + "/one/undo"));
    }
  }

  @Test
  void aServerKilledMidCompensationLeavesTheSagaToCompensateWithEachUndoOnce() throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type =
          type(
              t,
              run,
              step(receiver, run, "one", true, null),
              step(receiver, run, "two", true, null),
              step(receiver, run, "three", false, null));
      receiver.always(run + "/three", 422);
      receiver.holdFirst(run + "/two/undo");
      String id = start(t, type, "{}");
      receiver.awaitHeld(run + "/two/undo");
      ItServer.killAndStart(() -> receiver.release(run + "/two/undo"));

      awaitState(t, id, "compensated");
      assertEquals(List.of(id + ":two:compensate"), keys(receiver, run + "/two/undo"));
      assertEquals(List.of(id + ":one:compensate"), keys(receiver, run + "/one/undo"));
      assertEquals(1, receiver.calls(run + "/one/undo").size());
      assertEquals(1, receiver.calls(run + "/three").size(), "a 4xx is not retried");
    }
  }

  @Test
  void aRetryTimerFiresAfterARestart() throws Exception {
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String type =
          type(
              t,
              run,
              step(
                  receiver,
                  run,
                  "one",
                  false,
                  "{\"maxAttempts\":2,\"backoffMs\":4000,\"maxBackoffMs\":4000}"));
      receiver.script(run + "/one", 503);
      String id = start(t, type, "{}");
      Instant deadline = Instant.now().plus(PATIENCE);
      while (receiver.calls(run + "/one").isEmpty()) {
        assertTrue(Instant.now().isBefore(deadline), "the first attempt never came");
        Thread.sleep(50);
      }
      ItServer.restart(() -> {});

      awaitState(t, id, "completed");
      assertEquals(
          List.of(503, 200),
          receiver.calls(run + "/one").stream().map(StepReceiver.Call::status).toList(),
          "the retry fired once");
    }
  }

  @Test
  void withTwoServersEachTimerFiresOnce() throws Exception {
    awaitNodeB();
    String t = Api.createTenant();
    String run = UUID.randomUUID().toString();
    try (StepReceiver receiver = new StepReceiver()) {
      String url = receiver.base() + run + "/one/${data.n}";
      String type = "r-" + run;
      HttpResponse<String> defined =
          Api.put(
              "/api/tenants/" + t + "/saga-types/" + type,
              "{\"steps\":[{\"name\":\"one\",\"action\":{\"method\":\"POST\",\"url\":\""
                  + url
                  + "\"},\"retry\":{\"maxAttempts\":3,\"backoffMs\":500,\"maxBackoffMs\":500}}]}");
      assertEquals(201, defined.statusCode(), defined.body());
      List<String> ids = new ArrayList<>();
      for (int n = 0; n < 20; n++) {
        receiver.script(run + "/one/" + n, 503);
        ids.add(start(t, type, "{\"n\":\"" + n + "\"}"));
      }
      for (String id : ids) {
        awaitState(t, id, "completed");
      }
      for (int n = 0; n < 20; n++) {
        String path = run + "/one/" + n; // calls(…/1) also finds …/10 to …/19
        assertEquals(
            List.of(503, 200),
            receiver.calls(run + "/one/" + n).stream()
                .filter(c -> c.path().equals(path))
                .map(StepReceiver.Call::status)
                .toList(),
            "saga " + n + ": the retry timer fired once");
      }
    }
  }

  private static void awaitNodeB() throws Exception {
    URI b = URI.create(System.getProperty("annals.it.baseUriB"));
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (true) {
      try {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(b.resolve("/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // still starting
      }
      assertTrue(Instant.now().isBefore(deadline), "node B never became ready at " + b);
      Thread.sleep(500);
    }
  }
}
