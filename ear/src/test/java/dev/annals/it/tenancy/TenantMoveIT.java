package dev.annals.it.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Moving tenants between isolation modes while they serve. */
class TenantMoveIT {

  private static final int STREAMS = 4;

  @Test
  void sharedToSchemaToDatabaseToSharedUnderAWriterAndAnAllReader() throws Exception {
    String t = Api.createTenant("shared");
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicBoolean reading = new AtomicBoolean(true);
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    Map<String, Long> versions = new ConcurrentHashMap<>();
    AtomicInteger retried = new AtomicInteger();
    List<String> read = Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Executors.newFixedThreadPool(2);

    Future<?> writer =
        threads.submit(
            () -> {
              int i = 0;
              while (writing.get()) {
                String stream = "w-" + (i++ % STREAMS);
                long expected = versions.getOrDefault(stream, 0L);
                UUID id = UUID.randomUUID();
                String body =
                    Api.appendBody(
                        expected == 0 ? "\"no_stream\"" : Long.toString(expected),
                        Api.event(id, "Written", "{\"n\":" + i + "}"));
                while (true) { // a 503 (the fence) is retried with the same id until acknowledged
                  HttpResponse<String> r =
                      Api.post("/api/tenants/" + t + "/streams/" + stream + "/events", body);
                  if (r.statusCode() == 201) {
                    break;
                  }
                  assertEquals(503, r.statusCode(), r.body());
                  assertTrue(r.headers().firstValue("Retry-After").isPresent());
                  retried.incrementAndGet();
                  sleep(20);
                }
                acknowledged.add(id.toString());
                versions.put(stream, expected + 1);
              }
              return null;
            });
    Future<?> reader =
        threads.submit(
            () -> {
              String after = null;
              while (reading.get()) {
                HttpResponse<String> r =
                    Api.get(
                        "/api/tenants/"
                            + t
                            + "/events?limit=50"
                            + (after == null ? "" : "&after=" + after));
                assertEquals(200, r.statusCode(), r.body());
                JsonObject page = Api.json(r);
                List<String> ids = ids(page);
                read.addAll(ids);
                after = page.getString("checkpoint");
                if (ids.isEmpty()) {
                  sleep(20);
                }
              }
              return null;
            });

    sleep(500);
    for (String to : List.of("schema", "database", "shared")) {
      moveAndWait(t, to);
      sleep(300);
    }
    writing.set(false);
    writer.get(60, TimeUnit.SECONDS);
    Instant deadline = Instant.now().plusSeconds(30);
    while (read.size() < acknowledged.size() && Instant.now().isBefore(deadline)) {
      sleep(50);
    }
    reading.set(false);
    reader.get(60, TimeUnit.SECONDS);
    threads.shutdown();

    List<String> all = allEvents(t);
    assertEquals(all.size(), new HashSet<>(all).size(), "no event duplicated");
    assertEquals(
        new HashSet<>(acknowledged), new HashSet<>(all), "every acknowledged event, nothing more");
    assertEquals(all, read, "the $all reader saw every event once, in order, across three moves");
    for (int s = 0; s < STREAMS; s++) {
      String stream = "w-" + s;
      long n = versions.getOrDefault(stream, 0L);
      assertEquals(LongStream.rangeClosed(1, n).boxed().toList(), Db.versions(t, stream), stream);
    }
    assertEquals("annals", Db.location(t).schema());
    assertEquals(
        0,
        TenantLifecycleIT.count(
            "SELECT count(*) FROM pg_namespace WHERE nspname = ?", "tenant_" + t));
    assertEquals(
        0,
        TenantLifecycleIT.count(
            "SELECT count(*) FROM pg_database WHERE datname = ?", "annals_tenant_" + t));
    assertTrue(acknowledged.size() > 20, "the writer wrote throughout: " + acknowledged.size());
    JsonObject view = Api.json(Api.get("/api/tenants/" + t));
    assertEquals(acknowledged.size(), view.getJsonNumber("events").longValue());
    assertEquals(
        Db.storedBytes(t),
        view.getJsonNumber("storageBytes").longValue(),
        "the storage counter follows the move");
    assertEquals("done", view.getJsonObject("move").getString("phase"));
  }

  @Test
  void aFailedMoveLeavesTheTenantWhereItWas() throws Exception {
    String t = Api.createTenant("schema");
    assertEquals(201, TenantLifecycleIT.append(t, "s").statusCode());
    HttpResponse<String> r =
        Api.post(
            "/api/tenants/" + t + "/move",
            "{\"isolation\":\"database\",\"database\":{\"server\":\""
                + DatabaseServersIT.unreachable()
                + "\"}}");
    assertEquals(202, r.statusCode(), r.body());
    JsonObject view = awaitMoveEnd(t);
    assertEquals("failed", view.getJsonObject("move").getString("phase"));
    assertTrue(view.getJsonObject("move").containsKey("error"));
    assertEquals("schema", view.getString("isolation"));
    assertEquals("active", view.getString("state"));
    assertEquals(201, TenantLifecycleIT.append(t, "s").statusCode(), "still writable");
    assertEquals(2, Db.eventIds(t).size());
  }

  @Test
  void movesThatCannotBeAreRefused() {
    String t = Api.createTenant("schema");
    assertEquals(409, move(t, "schema").statusCode(), "already there");
    assertEquals(400, move(t, "nowhere").statusCode());
    assertEquals(
        400,
        Api.post(
                "/api/tenants/" + t + "/move",
                "{\"isolation\":\"shared\",\"database\":" + Api.onSecondServer() + "}")
            .statusCode());
    assertEquals(404, move(Api.newTenantId(), "shared").statusCode());
    Api.delete("/api/tenants/" + t + "?retainDays=1");
    assertEquals(410, move(t, "shared").statusCode());
  }

  /**
   * A tenant reads {@code moving} exactly as long as a new move would be refused, and each refusal
   * for timing says when to retry.
   */
  @Test
  void aTenantReadsMovingUntilANewMoveIsAccepted() throws Exception {
    String t = Api.createTenant("shared");
    assertEquals(201, TenantLifecycleIT.append(t, "s").statusCode());
    assertEquals(202, move(t, "schema").statusCode());

    HttpResponse<String> refused = move(t, "database");
    assertEquals(409, refused.statusCode(), refused.body());
    assertEquals("https://annals.dev/problems/conflict", Api.json(refused).getString("type"));
    assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""), "about timing");

    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonObject view = Api.json(Api.get("/api/tenants/" + t));
    while (view.getString("state").equals("moving") && Instant.now().isBefore(deadline)) {
      sleep(20);
      view = Api.json(Api.get("/api/tenants/" + t));
    }
    assertEquals("active", view.getString("state"), view.toString());
    assertEquals("done", view.getJsonObject("move").getString("phase"), view.toString());
    HttpResponse<String> next = move(t, "shared");
    assertEquals(
        202, next.statusCode(), "accepted as soon as the tenant is not moving: " + next.body());
    assertEquals("done", awaitMoveEnd(t).getJsonObject("move").getString("phase"));

    HttpResponse<String> there = move(t, "shared");
    assertEquals(409, there.statusCode(), there.body());
    assertTrue(there.headers().firstValue("Retry-After").isEmpty(), "not about timing");
  }

  /**
   * A database tenant moves straight to a database on another server and back: each placement has a
   * datasource of its own, so none in use is re-pointed (which would restart the application).
   */
  @Test
  void aDatabaseTenantMovesStraightToAnotherServerAndBack() throws Exception {
    String t = Api.createTenant("database");
    assertEquals(201, TenantLifecycleIT.append(t, "s").statusCode());
    String second = System.getProperty("annals.it.db2Port");

    HttpResponse<String> away =
        Api.post(
            "/api/tenants/" + t + "/move",
            "{\"isolation\":\"database\",\"database\":"
                + TenantsSurviveRestartIT.secondServer()
                + "}");
    assertEquals(202, away.statusCode(), away.body());
    JsonObject there = awaitMoveEnd(t);
    assertEquals("done", there.getJsonObject("move").getString("phase"), there.toString());
    assertEquals(Api.SECOND_SERVER, there.getJsonObject("database").getString("server"));
    assertEquals(second, Db.location(t).jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
    assertEquals(201, TenantLifecycleIT.append(t, "s").statusCode(), "writes on the new server");
    assertEquals(2, Db.eventIds(t).size());
    assertEquals(
        0,
        TenantLifecycleIT.count(
            "SELECT count(*) FROM pg_database WHERE datname = ?", "annals_tenant_" + t),
        "the platform server's copy is removed");

    assertEquals(202, move(t, "database").statusCode(), "back to the platform's server");
    JsonObject back = awaitMoveEnd(t);
    assertEquals("done", back.getJsonObject("move").getString("phase"), back.toString());
    assertFalse(back.containsKey("database"), back.toString());
    assertEquals(201, TenantLifecycleIT.append(t, "s").statusCode());
    assertEquals(3, Db.eventIds(t).size());
    assertEquals(3, Api.json(Api.get("/api/tenants/" + t)).getJsonNumber("events").longValue());
  }

  private static HttpResponse<String> move(String t, String to) {
    return Api.post("/api/tenants/" + t + "/move", "{\"isolation\":\"" + to + "\"}");
  }

  /** Moves the tenant and waits until the move is done. */
  static void moveAndWait(String t, String to) {
    HttpResponse<String> r = move(t, to);
    assertEquals(202, r.statusCode(), r.body());
    JsonObject view = awaitMoveEnd(t);
    assertEquals("done", view.getJsonObject("move").getString("phase"), view.toString());
    assertEquals(to, view.getString("isolation"));
    assertEquals("active", view.getString("state"));
  }

  private static JsonObject awaitMoveEnd(String t) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonObject view = null;
    while (Instant.now().isBefore(deadline)) {
      view = Api.json(Api.get("/api/tenants/" + t));
      JsonObject move = view.getJsonObject("move");
      if (move != null
          && (move.getString("phase").equals("done") || move.getString("phase").equals("failed"))
          && !view.getString("state").equals("moving")) {
        return view;
      }
      sleep(100);
    }
    throw new AssertionError("move did not end: " + view);
  }

  private static List<String> allEvents(String t) {
    List<String> all = new ArrayList<>();
    String after = null;
    while (true) {
      JsonObject page =
          Api.json(
              Api.get(
                  "/api/tenants/"
                      + t
                      + "/events?limit=1000"
                      + (after == null ? "" : "&after=" + after)));
      List<String> ids = ids(page);
      if (ids.isEmpty()) {
        return all;
      }
      all.addAll(ids);
      after = page.getString("checkpoint");
    }
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("events").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getString("eventId"))
        .toList();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
