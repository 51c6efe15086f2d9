package dev.annals.it.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Create, show, list, suspend, resume and delete tenants of every isolation mode over HTTP. */
class TenantLifecycleIT {

  private static final String ONE_EVENT = Api.appendBody("\"any\"", "{\"type\":\"A\",\"data\":{}}");

  static HttpResponse<String> append(String tenant, String stream) {
    return Api.post("/api/tenants/" + tenant + "/streams/" + stream + "/events", ONE_EVENT);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"shared", "schema", "database"})
  void createShowAndUse(String isolation) throws Exception {
    String t = Api.createTenant(isolation);
    assertEquals(201, append(t, "s-1").statusCode());
    assertEquals(201, append(t, "s-1").statusCode());
    assertEquals(201, append(t, "s-2").statusCode());

    HttpResponse<String> r = Api.get("/api/tenants/" + t);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject view = Api.json(r);
    assertEquals(t, view.getString("id"));
    assertEquals(isolation, view.getString("isolation"));
    assertEquals("active", view.getString("state"));
    assertNotNull(view.getString("created"));
    assertEquals(2, view.getJsonNumber("streams").longValue());
    assertEquals(3, view.getJsonNumber("events").longValue());
    assertEquals(3, Db.eventIds(t).size(), "stored where the mode puts it");
    assertEquals(
        200, Api.get("/api/tenants/" + t + "/streams/s-1/events").statusCode(), "reads work");
  }

  @Test
  void listIsPagedInIdOrder() {
    String prefix = Api.newTenantId().substring(0, 12);
    List<String> ids = List.of(prefix + "_a", prefix + "_b", prefix + "_c");
    for (String id : ids) {
      assertEquals(
          201, Api.post("/api/tenants", "{\"id\":\"" + id + "\",\"name\":\"L\"}").statusCode());
    }
    JsonObject first = Api.json(Api.get("/api/tenants?after=" + prefix + "&limit=2"));
    assertEquals(
        List.of(ids.get(0), ids.get(1)),
        first.getJsonArray("tenants").getValuesAs(JsonObject.class).stream()
            .map(o -> o.getString("id"))
            .toList());
    assertEquals(ids.get(1), first.getString("next"));
    JsonObject second = Api.json(Api.get("/api/tenants?after=" + ids.get(1) + "&limit=1"));
    assertEquals(
        ids.get(2),
        second.getJsonArray("tenants").getJsonObject(0).getString("id"),
        "the next page starts after the last id of the previous one");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"shared", "schema", "database"})
  void suspendRefusesWritesKeepsReadsAndResumeRestores(String isolation) {
    String t = Api.createTenant(isolation);
    assertEquals(201, append(t, "s").statusCode());

    HttpResponse<String> suspended = Api.post("/api/tenants/" + t + "/suspend", "");
    assertEquals(200, suspended.statusCode(), suspended.body());
    assertEquals("suspended", Api.json(suspended).getString("state"));
    assertEquals(200, Api.post("/api/tenants/" + t + "/suspend", "").statusCode(), "idempotent");

    HttpResponse<String> refused = append(t, "s");
    assertEquals(423, refused.statusCode(), refused.body());
    assertEquals(
        "application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
    assertEquals(200, Api.get("/api/tenants/" + t + "/streams/s/events").statusCode());
    assertEquals("suspended", Api.json(Api.get("/api/tenants/" + t)).getString("state"));

    HttpResponse<String> resumed = Api.post("/api/tenants/" + t + "/resume", "");
    assertEquals(200, resumed.statusCode(), resumed.body());
    assertEquals("active", Api.json(resumed).getString("state"));
    assertEquals(200, Api.post("/api/tenants/" + t + "/resume", "").statusCode(), "idempotent");
    assertEquals(201, append(t, "s").statusCode());
  }

  /**
   * Suspension is exact: once the suspend call has answered, no append is stored, however many are
   * in flight, because the write gate is checked inside each writing transaction.
   */
  @Test
  void noAppendIsStoredOnceSuspendHasAnswered() throws Exception {
    String t = Api.createTenant();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicIntegerArray refused = new AtomicIntegerArray(4);
    ExecutorService writers = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      String stream = "w-" + w;
      int writer = w;
      futures.add(
          writers.submit(
              () -> {
                while (running.get()) {
                  int status = append(t, stream).statusCode();
                  assertTrue(status == 201 || status == 423, "status " + status);
                  if (status == 423) {
                    refused.incrementAndGet(writer);
                  }
                }
              }));
    }
    awaitTrue(() -> Db.eventIds(t).size() >= 4, "the writers write");
    assertEquals(200, Api.post("/api/tenants/" + t + "/suspend", "").statusCode());
    int atSuspend = Db.eventIds(t).size();
    // Each writer appends one request at a time: once each was refused, none has one in flight
    // from before the suspension.
    awaitTrue(
        () -> IntStream.range(0, 4).allMatch(w -> refused.get(w) > 0), "every writer refused");
    int later = Db.eventIds(t).size();
    running.set(false);
    for (Future<?> f : futures) {
      f.get(30, TimeUnit.SECONDS);
    }
    writers.shutdown();
    assertEquals(atSuspend, later, "nothing stored after suspend answered");
  }

  /** Polls {@code condition} until it holds, for at most 30 s. */
  static void awaitTrue(Callable<Boolean> condition, String what) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!condition.call()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(10);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"shared", "schema", "database"})
  void deleteWithRetentionAnswers410AndKeepsTheData(String isolation) throws Exception {
    String t = Api.createTenant(isolation);
    assertEquals(201, append(t, "s").statusCode());

    HttpResponse<String> deleted = Api.delete("/api/tenants/" + t + "?retainDays=7");
    assertEquals(200, deleted.statusCode(), deleted.body());
    JsonObject view = Api.json(deleted);
    assertEquals("deleted", view.getString("state"));
    assertNotNull(view.getString("purgeAfter"));
    assertEquals(200, Api.delete("/api/tenants/" + t + "?retainDays=7").statusCode(), "idempotent");

    assertEquals(410, Api.get("/api/tenants/" + t).statusCode());
    assertEquals(410, Api.get("/api/tenants/" + t + "/streams/s/events").statusCode());
    assertEquals(410, append(t, "s").statusCode());
    assertEquals(410, Api.post("/api/tenants/" + t + "/suspend", "").statusCode());
    assertEquals(1, Db.eventIds(t).size(), "retained");
    HttpResponse<String> again =
        Api.post("/api/tenants", "{\"id\":\"" + t + "\",\"name\":\"reuse\"}");
    assertEquals(409, again.statusCode(), "ids are never reused");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"shared", "schema", "database"})
  void deleteWithoutRetentionPurgesNow(String isolation) throws Exception {
    String t = Api.createTenant(isolation);
    assertEquals(201, append(t, "s").statusCode());

    HttpResponse<String> deleted = Api.delete("/api/tenants/" + t + "?retainDays=0");
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals(404, Api.get("/api/tenants/" + t).statusCode());
    assertEquals(404, append(t, "s").statusCode());
    assertEquals(200, Api.delete("/api/tenants/" + t + "?retainDays=0").statusCode(), "idempotent");

    assertPurged(isolation, t);
  }

  /**
   * Retention counts from the deletion: a later delete may shorten it (0 purges now, also on a
   * tenant deleted earlier) but never lengthens it.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"shared", "schema", "database"})
  void aLaterDeleteShortensTheRetentionAndZeroPurgesNow(String isolation) throws Exception {
    String t = Api.createTenant(isolation);
    assertEquals(201, append(t, "s").statusCode());
    JsonObject first = Api.json(Api.delete("/api/tenants/" + t + "?retainDays=7"));
    Instant deletedAt = Instant.parse(first.getString("deleted"));
    assertEquals(deletedAt.plus(Duration.ofDays(7)), Instant.parse(first.getString("purgeAfter")));

    HttpResponse<String> longer = Api.delete("/api/tenants/" + t + "?retainDays=30");
    assertEquals(200, longer.statusCode(), longer.body());
    assertEquals(first.getString("purgeAfter"), Api.json(longer).getString("purgeAfter"));

    HttpResponse<String> shorter = Api.delete("/api/tenants/" + t + "?retainDays=2");
    assertEquals(200, shorter.statusCode(), shorter.body());
    assertEquals(
        deletedAt.plus(Duration.ofDays(2)),
        Instant.parse(Api.json(shorter).getString("purgeAfter")));
    assertEquals(410, Api.get("/api/tenants/" + t).statusCode());
    assertEquals(1, Db.eventIds(t).size(), "still retained");

    HttpResponse<String> now = Api.delete("/api/tenants/" + t + "?retainDays=0");
    assertEquals(200, now.statusCode(), now.body());
    assertEquals(404, Api.get("/api/tenants/" + t).statusCode());
    assertPurged(isolation, t);
    assertEquals(
        List.of(
            "tenant.created",
            "tenant.deleted",
            "tenant.retention-shortened",
            "tenant.retention-shortened",
            "tenant.purged"),
        auditedActions(t));
  }

  private static void assertPurged(String isolation, String t) throws Exception {
    switch (isolation) {
      case "shared" ->
          assertEquals(0, count("SELECT count(*) FROM annals.events WHERE tenant_id = ?", t));
      case "schema" ->
          assertEquals(
              0, count("SELECT count(*) FROM pg_namespace WHERE nspname = ?", "tenant_" + t));
      default ->
          assertEquals(
              0, count("SELECT count(*) FROM pg_database WHERE datname = ?", "annals_tenant_" + t));
    }
  }

  @Test
  void auditLogRecordsEveryChangeAndRefusesEdits() throws Exception {
    String t = Api.createTenant();
    Api.post("/api/tenants/" + t + "/suspend", "");
    Api.post("/api/tenants/" + t + "/resume", "");
    Api.delete("/api/tenants/" + t + "?retainDays=0");
    assertEquals(
        List.of(
            "tenant.created",
            "tenant.suspended",
            "tenant.resumed",
            "tenant.deleted",
            "tenant.purged"),
        auditedActions(t));
    try (Connection c = Db.owner();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM annals.audit_records WHERE tenant_id = ?")) {
      ps.setString(1, t);
      java.sql.SQLException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              java.sql.SQLException.class, ps::executeUpdate, "not even a superuser deletes");
      assertTrue(e.getMessage().contains("insert-only"), e.getMessage());
    }
  }

  /** The actions of the tenant's audit chain, in order (docs/audit.md). */
  static List<String> auditedActions(String t) throws Exception {
    return Db.platformColumn(
        "SELECT action FROM annals.audit_records WHERE chain = 'tenant:' || ? ORDER BY seq", t);
  }

  static long count(String sql, String param) throws Exception {
    try (Connection c = Db.owner();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }
}
