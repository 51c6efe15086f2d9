package dev.annals.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operational endpoints an orchestrator and a monitoring system rely on. */
class HealthIT {

  @BeforeAll
  static void serverIsReady() throws InterruptedException {
    ItServer.awaitReady(Duration.ofMinutes(2));
  }

  @Test
  void readinessIsUpWithDatabaseAndRedisShown() throws IOException, InterruptedException {
    HttpResponse<String> response = ItServer.get("/health/ready");

    assertEquals(200, response.statusCode(), response.body());
    JsonObject health = json(response.body());
    assertEquals("UP", health.getString("status"), response.body());
    Map<String, String> checks = checkStatuses(health);
    assertEquals("UP", checks.get("database"), response.body());
    assertEquals("UP", checks.get("redis"), response.body());
    assertEquals("UP", checks.get("messaging"), response.body());
    assertTrue(response.body().contains("\"messaging\":\"ok\""), response.body());
  }

  @Test
  void aHungRedisDegradesHealthButNeverReadiness() throws Exception {
    // Long enough that the metrics read after the health answer still falls inside the hang, even
    // on a loaded machine (6 s sometimes ended between the two).
    try (Socket socket = ItServer.hangRedis(10)) {
      JsonObject degraded = awaitRedis("degraded");
      assertEquals("UP", degraded.getString("status"));
      assertTrue(
          Api.get("/metrics")
              .body()
              .lines()
              .anyMatch(l -> l.matches("annals_redis_up(\\{.*})? 0(\\.0)?")),
          "annals_redis_up is 0 while Redis hangs");
    }
    awaitRedis("ok");
    assertTrue(
        Api.get("/metrics")
            .body()
            .lines()
            .anyMatch(l -> l.matches("annals_redis_up(\\{.*})? 1(\\.0)?")),
        "annals_redis_up is 1 again");
  }

  /**
   * Polls readiness until the redis check reports {@code state}; every answer on the way must be
   * 200 UP: Redis never decides readiness.
   */
  private static JsonObject awaitRedis(String state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      HttpResponse<String> response = ItServer.get("/health/ready");
      assertEquals(200, response.statusCode(), response.body());
      JsonObject health = json(response.body());
      JsonObject redis =
          health.getJsonArray("checks").getValuesAs(JsonValue::asJsonObject).stream()
              .filter(c -> c.getString("name").equals("redis"))
              .findFirst()
              .orElseThrow();
      assertEquals("UP", redis.getString("status"), response.body());
      if (redis.getJsonObject("data").getString("redis").equals(state)) {
        return health;
      }
      assertTrue(
          System.nanoTime() < deadline, "redis never became " + state + ": " + response.body());
      Thread.sleep(200);
    }
  }

  @Test
  void livenessIsUp() throws IOException, InterruptedException {
    HttpResponse<String> response = ItServer.get("/health/live");

    assertEquals(200, response.statusCode(), response.body());
    assertEquals("UP", json(response.body()).getString("status"), response.body());
  }

  @Test
  void metricsAnswerInPrometheusText() {
    HttpResponse<String> response = Api.get("/metrics");

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("# TYPE "), "Prometheus exposition format");
  }

  @Test
  void openApiDocumentAndUiAnswer() throws IOException, InterruptedException {
    assertEquals(200, ItServer.get("/openapi").statusCode(), "/openapi");
    assertEquals(200, Api.get("/openapi/ui/").statusCode(), "/openapi/ui/ (a platform admin)");
  }

  private static JsonObject json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static Map<String, String> checkStatuses(JsonObject health) {
    return health.getJsonArray("checks").getValuesAs(JsonValue::asJsonObject).stream()
        .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
  }
}
