package dev.annals.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The audit log proves itself: chains stay valid under many concurrent audited actions, and every
 * kind of tampering (done as the owner, with the insert-only triggers disabled for the tampering
 * transaction only) is reported at the exact record. Each tampering uses a fresh tenant's chain.
 */
class AuditChainIT {

  private static final int TENANTS = 10;
  private static final int SUSPEND_RESUME_ROUNDS = 10;

  /** created, rounds × (suspended, resumed), move-started, moved, deleted, purged. */
  private static final int RECORDS_PER_TENANT = 1 + 2 * SUSPEND_RESUME_ROUNDS + 2 + 2;

  @Test
  void hundredsOfConcurrentActionsLeaveEveryChainValid() throws Exception {
    List<String> tenants = new ArrayList<>();
    for (int i = 0; i < TENANTS; i++) {
      tenants.add(Api.createTenant("shared"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String t : tenants) {
        done.add(pool.submit((Callable<Void>) () -> lifeOf(t)));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    for (String t : tenants) {
      JsonObject v = verify(t);
      assertTrue(v.getBoolean("valid"), t + ": " + v);
      assertEquals(RECORDS_PER_TENANT, v.getJsonNumber("records").longValue(), t + ": " + v);
      assertFalse(v.containsKey("firstBrokenRecord"), v.toString());
      List<String> actions = actions(t);
      assertEquals("tenant.created", actions.get(0));
      assertEquals(
          List.of("tenant.move-started", "tenant.moved", "tenant.deleted", "tenant.purged"),
          actions.subList(RECORDS_PER_TENANT - 4, RECORDS_PER_TENANT));
      assertEquals(404, Api.get("/api/tenants/" + t).statusCode(), "purged: gone elsewhere");
    }
    JsonObject platform = Api.json(Api.get("/api/audit/verify"));
    assertTrue(platform.getBoolean("valid"), platform.toString());
    assertEquals(
        String.valueOf(TENANTS * RECORDS_PER_TENANT),
        Db.platformColumn(
                "SELECT count(*) FROM annals.audit_records WHERE chain = 'platform'"
                    + " AND tenant_id = ANY (?::text[])",
                "{" + String.join(",", tenants) + "}")
            .get(0),
        "the platform chain holds each tenant action once");
    assertTrue(platform.getJsonNumber("records").longValue() >= TENANTS * RECORDS_PER_TENANT);
  }

  /** One tenant's audited life, every step acknowledged. */
  private static Void lifeOf(String t) {
    for (int i = 0; i < SUSPEND_RESUME_ROUNDS; i++) {
      assertEquals(200, Api.post("/api/tenants/" + t + "/suspend", "").statusCode());
      assertEquals(200, Api.post("/api/tenants/" + t + "/resume", "").statusCode());
    }
    HttpResponse<String> moving =
        Api.post("/api/tenants/" + t + "/move", "{\"isolation\":\"schema\"}");
    assertEquals(202, moving.statusCode(), moving.body());
    awaitMoveEnd(t);
    HttpResponse<String> deleted = Api.delete("/api/tenants/" + t + "?retainDays=0");
    assertEquals(200, deleted.statusCode(), deleted.body());
    return null;
  }

  @Test
  void concurrentAppendsToOneChainSerialize() throws Exception {
    String t = Api.createTenant("shared");
    int threads = 16;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String scope = i % 2 == 0 ? "tenant" : "both";
        done.add(
            pool.submit(
                (Callable<Void>)
                    () -> {
                      try (Connection c = Db.tenancy();
                          PreparedStatement ps =
                              c.prepareStatement(
                                  "SELECT annals.audit_append(?, 'it', ?, 'it.appended', NULL,"
                                      + " 'succeeded', NULL, '{}')")) {
                        ps.setString(1, scope);
                        ps.setString(2, t);
                        for (int n = 0; n < each; n++) {
                          ps.execute();
                        }
                      }
                      return null;
                    }));
      }
      for (Future<?> f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    JsonObject v = verify(t);
    assertTrue(v.getBoolean("valid"), v.toString());
    assertEquals(1 + threads * each, v.getJsonNumber("records").longValue());
    JsonObject platform = Api.json(Api.get("/api/audit/verify"));
    assertTrue(platform.getBoolean("valid"), platform.toString());
  }

  @Test
  void anEditedFieldIsReportedAtItsRecord() throws Exception {
    String t = chainOfFive();
    tamper(t, "UPDATE annals.audit_records SET principal = 'mallory' WHERE chain = ? AND seq = 3");
    assertBroken(t, 5, 3, "hash");
  }

  @Test
  void aDeletedRecordIsReportedAsTheGap() throws Exception {
    String t = chainOfFive();
    tamper(t, "DELETE FROM annals.audit_records WHERE chain = ? AND seq = 2");
    assertBroken(t, 4, 2, "sequence");
  }

  @Test
  void reorderedRecordsAreReportedAtTheFirstOfThem() throws Exception {
    String t = chainOfFive();
    tamper(
        t,
        "UPDATE annals.audit_records SET seq = 1000 WHERE chain = ? AND seq = 2",
        "UPDATE annals.audit_records SET seq = 2 WHERE chain = ? AND seq = 3",
        "UPDATE annals.audit_records SET seq = 3 WHERE chain = ? AND seq = 1000");
    assertBroken(t, 5, 2, "link");
  }

  @Test
  void aForgedRecordIsReportedWhereTheChainNoLongerLinks() throws Exception {
    String t = chainOfFive();
    // A forger who knows the canonical form makes record 3 hash correctly (with the database's
    // own function) and renumbers the rest: the record after it no longer links.
    tamper(
        t,
        "UPDATE annals.audit_records SET seq = seq + 1000 WHERE chain = ? AND seq >= 3",
        "UPDATE annals.audit_records SET seq = seq - 999 WHERE chain = ? AND seq > 1000",
        "INSERT INTO annals.audit_records (chain, seq, recorded_at, principal, tenant_id, action,"
            + " target, outcome, correlation_id, detail, prev_hash, hash)"
            + " SELECT chain, 3, recorded_at, 'mallory', tenant_id, 'tenant.resumed', target,"
            + " 'succeeded', NULL, '{}', hash, annals.audit_hash(chain, 3, recorded_at,"
            + " 'mallory', tenant_id, 'tenant.resumed', target, 'succeeded', NULL, '{}', hash)"
            + " FROM annals.audit_records WHERE chain = ? AND seq = 2");
    assertBroken(t, 6, 4, "link");
  }

  @Test
  void anEditedLastRecordIsReportedEvenWhenRehashed() throws Exception {
    String t = chainOfFive();
    tamper(
        t, "UPDATE annals.audit_records SET action = 'tenant.deleted' WHERE chain = ? AND seq = 5");
    assertBroken(t, 5, 5, "hash");

    String u = chainOfFive();
    tamper(
        u,
        "UPDATE annals.audit_records SET action = 'tenant.deleted', hash = annals.audit_hash("
            + "chain, seq, recorded_at, principal, tenant_id, 'tenant.deleted', target, outcome,"
            + " correlation_id, detail, prev_hash) WHERE chain = ? AND seq = 5");
    assertBroken(u, 5, 5, "head");
  }

  @Test
  void aRemovedLastRecordIsReportedMissing() throws Exception {
    String t = chainOfFive();
    tamper(t, "DELETE FROM annals.audit_records WHERE chain = ? AND seq = 5");
    assertBroken(t, 4, 5, "sequence");
  }

  @Test
  void theRuntimeRolesCannotWriteTheLogExceptThroughTheFunction() throws Exception {
    String t = chainOfFive();
    String[] writes = {
      "INSERT INTO annals.audit_records (chain, seq, recorded_at, principal, action, outcome,"
          + " detail, prev_hash, hash) VALUES ('tenant:"
          + t
          + "', 6, now(), 'x', 'x',"
          + " 'succeeded', '{}', 'x', 'x')",
      "UPDATE annals.audit_records SET principal = 'x' WHERE chain = 'tenant:" + t + "'",
      "DELETE FROM annals.audit_records WHERE chain = 'tenant:" + t + "'",
      "UPDATE annals.audit_chains SET records = records + 1 WHERE chain = 'tenant:" + t + "'",
      "INSERT INTO annals.audit_log (tenant_id, action) VALUES ('" + t + "', 'x')"
    };
    for (String sql : writes) {
      try (Connection c = Db.runtime()) {
        assertRefused(c, sql);
      }
      try (Connection c = Db.tenancy()) {
        assertRefused(c, sql);
      }
    }
    try (Connection c = Db.runtime()) {
      assertRefused(
          c,
          "SELECT annals.audit_append('tenant', 'x', '"
              + t
              + "', 'x', NULL, 'succeeded', NULL,"
              + " '{}')");
    }
    try (Connection c = Db.owner()) { // the triggers hold even for the owner
      assertRefused(c, writes[1]);
      assertRefused(c, writes[2]);
    }
    assertTrue(verify(t).getBoolean("valid"));
  }

  @Test
  void recordsNameThePrincipalTheCorrelationIdAndTheTarget() {
    String t = Api.createTenant("shared");
    HttpResponse<String> r =
        Api.post("/api/tenants/" + t + "/suspend", null, "", "X-Correlation-Id", "audit-it-" + t);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject page = Api.json(Api.get("/api/tenants/" + t + "/audit"));
    JsonObject suspended = page.getJsonArray("records").getJsonObject(1);
    assertEquals("tenant.suspended", suspended.getString("action"));
    assertEquals("tenant:" + t, suspended.getString("chain"));
    assertEquals(2, suspended.getJsonNumber("sequence").longValue());
    assertEquals("it-platform-admin", suspended.getString("principal")); // Api's token's subject
    assertEquals("audit-it-" + t, suspended.getString("correlationId"));
    assertEquals(t, suspended.getString("tenant"));
    assertEquals(t, suspended.getString("target"));
    assertEquals("succeeded", suspended.getString("outcome"));
    assertEquals(
        page.getJsonArray("records").getJsonObject(0).getString("hash"),
        suspended.getString("prevHash"));
    JsonObject created = page.getJsonArray("records").getJsonObject(0);
    assertEquals("shared", created.getJsonObject("detail").getString("isolation"));
  }

  @Test
  void chainsArePagedBySequenceNumber() throws Exception {
    String t = chainOfFive();
    String base = "/api/tenants/" + t + "/audit";
    JsonObject first = Api.json(Api.get(base + "?limit=2"));
    assertEquals(List.of(1L, 2L), sequences(first));
    assertEquals(2, first.getJsonNumber("next").longValue());
    JsonObject second = Api.json(Api.get(base + "?after=2&limit=2"));
    assertEquals(List.of(3L, 4L), sequences(second));
    JsonObject last = Api.json(Api.get(base + "?after=4&limit=2"));
    assertEquals(List.of(5L), sequences(last));
    assertFalse(last.containsKey("next"), last.toString());
    JsonObject platform = Api.json(Api.get("/api/audit?limit=3"));
    assertEquals(List.of(1L, 2L, 3L), sequences(platform));
  }

  @Test
  void unknownTenantsAndBadParametersAreProblems() {
    String never = Api.newTenantId();
    for (String path :
        List.of("/api/tenants/" + never + "/audit/verify", "/api/tenants/" + never + "/audit")) {
      HttpResponse<String> r = Api.get(path);
      assertEquals(404, r.statusCode(), r.body());
      assertEquals("https://annals.dev/problems/not-found", Api.json(r).getString("type"));
    }
    String t = Api.createTenant("shared");
    for (String query : List.of("after=-1", "after=x", "limit=0", "limit=1001", "limit=y")) {
      for (String path : List.of("/api/audit?" + query, "/api/tenants/" + t + "/audit?" + query)) {
        HttpResponse<String> r = Api.get(path);
        assertEquals(400, r.statusCode(), path + ": " + r.body());
        assertEquals(
            "https://annals.dev/problems/invalid-request", Api.json(r).getString("type"), path);
        assertTrue(
            r.headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/problem+json"));
      }
    }
    HttpResponse<String> badId = Api.get("/api/tenants/Not_A_Tenant/audit/verify");
    assertEquals(400, badId.statusCode(), badId.body());
  }

  @Test
  void aDeletedTenantsChainStillVerifies() {
    String t = Api.createTenant("schema");
    assertEquals(200, Api.delete("/api/tenants/" + t + "?retainDays=5").statusCode());
    assertEquals(410, Api.get("/api/tenants/" + t).statusCode());
    JsonObject v = verify(t);
    assertTrue(v.getBoolean("valid"), v.toString());
    assertEquals(2, v.getJsonNumber("records").longValue());
    assertEquals(List.of("tenant.created", "tenant.deleted"), actions(t));
    assertEquals(200, Api.delete("/api/tenants/" + t + "?retainDays=0").statusCode());
    assertEquals(404, Api.get("/api/tenants/" + t).statusCode());
    v = verify(t);
    assertTrue(v.getBoolean("valid"), v.toString());
    assertEquals(
        List.of("tenant.created", "tenant.deleted", "tenant.retention-shortened", "tenant.purged"),
        actions(t));
  }

  /** A fresh tenant whose chain holds five records: created, suspended, resumed, twice. */
  private static String chainOfFive() {
    String t = Api.createTenant("shared");
    for (int i = 0; i < 2; i++) {
      assertEquals(200, Api.post("/api/tenants/" + t + "/suspend", "").statusCode());
      assertEquals(200, Api.post("/api/tenants/" + t + "/resume", "").statusCode());
    }
    JsonObject v = verify(t);
    assertTrue(v.getBoolean("valid"), v.toString());
    assertEquals(5, v.getJsonNumber("records").longValue());
    return t;
  }

  /**
   * Runs {@code statements} (each binding the tenant's chain to every '?') as the owner in one
   * transaction that disables the insert-only triggers and enables them again before it commits: no
   * other session ever sees the table without them.
   */
  private static void tamper(String tenant, String... statements) throws SQLException {
    try (Connection c = Db.owner()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE annals.audit_records DISABLE TRIGGER USER");
      }
      for (String sql : statements) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
            ps.setString(i, "tenant:" + tenant);
          }
          ps.executeUpdate();
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE annals.audit_records ENABLE TRIGGER USER");
      }
      c.commit();
    }
  }

  private static void assertBroken(String t, long records, long at, String problem) {
    JsonObject v = verify(t);
    assertFalse(v.getBoolean("valid"), v.toString());
    assertEquals(records, v.getJsonNumber("records").longValue(), v.toString());
    assertEquals(at, v.getJsonNumber("firstBrokenRecord").longValue(), v.toString());
    assertEquals(problem, v.getString("problem"), v.toString());
  }

  private static void assertRefused(Connection c, String sql) {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> {
              try (Statement s = c.createStatement()) {
                s.execute(sql);
              }
            },
            sql);
    assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
  }

  private static JsonObject verify(String t) {
    HttpResponse<String> r = Api.get("/api/tenants/" + t + "/audit/verify");
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  /** Every action in the tenant's chain, in order. */
  private static List<String> actions(String t) {
    List<String> actions = new ArrayList<>();
    long after = 0;
    while (true) {
      JsonObject page = Api.json(Api.get("/api/tenants/" + t + "/audit?limit=7&after=" + after));
      page.getJsonArray("records").getValuesAs(JsonObject.class).stream()
          .map(o -> o.getString("action"))
          .forEach(actions::add);
      if (!page.containsKey("next")) {
        return actions;
      }
      after = page.getJsonNumber("next").longValue();
    }
  }

  private static List<Long> sequences(JsonObject page) {
    return page.getJsonArray("records").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getJsonNumber("sequence").longValue())
        .toList();
  }

  private static void awaitMoveEnd(String t) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      JsonObject view = Api.json(Api.get("/api/tenants/" + t));
      JsonObject move = view.getJsonObject("move");
      if (move != null && !view.getString("state").equals("moving")) {
        assertEquals("done", move.getString("phase"), view.toString());
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the move of " + t + " did not end");
  }
}
