package dev.annals.it.tenancy;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attacks on tenant isolation, in every mode and across modes: through the API (ids in path and
 * body), through a pooled connection reused across tenants, and through the table-owner and
 * superuser pitfalls of Row-Level Security. Every attack must see 0 rows of the other tenant.
 */
class TenantIsolationIT {

  private static final String SECRET = "{\"secret\":\"victim\"}";

  /** A victim with one event in stream "vault", returns the event id. */
  private static String victimEvent(String victim) {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> r =
        Api.post(
            "/api/tenants/" + victim + "/streams/vault/events",
            Api.appendBody("\"no_stream\"", Api.event(UUID.fromString(id), "Secret", SECRET)));
    assertEquals(201, r.statusCode(), r.body());
    return id;
  }

  @ParameterizedTest(name = "attacker {0}, victim {1}")
  @CsvSource({
    "shared,shared",
    "schema,schema",
    "database,database",
    "shared,schema",
    "schema,database",
    "database,shared"
  })
  void theApiNeverShowsAnotherTenantsData(String attackerMode, String victimMode) throws Exception {
    String attacker = Api.createTenant(attackerMode);
    String victim = Api.createTenant(victimMode);
    String victimId = victimEvent(victim);

    assertEquals(404, Api.get("/api/tenants/" + attacker + "/streams/vault/events").statusCode());
    assertEquals(404, Api.get("/api/tenants/" + attacker + "/streams/vault").statusCode());
    JsonObject all = Api.json(Api.get("/api/tenants/" + attacker + "/events"));
    assertEquals(0, all.getJsonArray("events").size(), "attacker's $all is empty");
    assertFalse(Api.get("/api/tenants/" + attacker + "/events").body().contains("victim"));

    // The victim's event id in the attacker's body: a new event of the attacker's, nothing else.
    HttpResponse<String> reuse =
        Api.post(
            "/api/tenants/" + attacker + "/streams/vault/events",
            Api.appendBody("\"any\"", Api.event(UUID.fromString(victimId), "Probe", "{}")));
    assertEquals(201, reuse.statusCode(), reuse.body());
    assertFalse(reuse.body().contains("victim"));
    assertEquals(1, Db.eventIds(victim).size(), "the victim's data is untouched");
    JsonObject victims = Api.json(Api.get("/api/tenants/" + victim + "/streams/vault/events"));
    assertEquals(1, victims.getJsonArray("events").size());
    assertEquals("Secret", victims.getJsonArray("events").getJsonObject(0).getString("type"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"shared", "schema", "database"})
  void aPooledConnectionReusedAcrossTenantsSeesOnlyTheBoundTenant(String mode) throws Exception {
    String a = Api.createTenant(mode);
    String b = Api.createTenant(mode);
    victimEvent(a);
    victimEvent(b);
    String schemaA = Db.location(a).schema();
    // One physical connection of the runtime role, as a pool would hand it out twice.
    try (Connection c = Db.runtimeOf(a)) {
      c.setAutoCommit(false);
      Db.bind(c, a, schemaA);
      assertEquals(1, count(c, "SELECT count(*) FROM events"));
      c.commit();
      // Next transaction, nothing bound: the previous binding must not carry over.
      assertEquals(0, count(c, "SELECT count(*) FROM " + schemaA + ".events"));
      assertEquals(0, count(c, "SELECT count(*) FROM " + schemaA + ".streams"));
      c.commit();
      // Bound to b, but pointed at a's tables (same schema in shared/database modes): 0 of a's
      // rows.
      Db.bind(c, b, schemaA);
      assertEquals(
          0, count(c, "SELECT count(*) FROM " + schemaA + ".events WHERE tenant_id = '" + a + "'"));
      c.commit();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"shared", "schema", "database"})
  void rowLevelSecurityIsForcedAndTheRuntimeRoleHasNoWayAroundIt(String mode) throws Exception {
    String t = Api.createTenant(mode);
    victimEvent(t);
    try (Connection c = Db.ownerOf(t)) {
      for (String table :
          new String[] {"events", "streams", "tenant_gate", "tenant_counters", "snapshots"}) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT c.relrowsecurity AND c.relforcerowsecurity, pg_get_userbyid(c.relowner)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE c.relname = ? AND n.nspname = current_schema()")) {
          ps.setString(1, table);
          try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), table);
            assertTrue(rs.getBoolean(1), table + ": RLS enabled and forced (owner included)");
            assertFalse(
                rs.getString(2).startsWith("annals_"), table + " not owned by a runtime role");
          }
        }
      }
      assertEquals(
          0,
          count(
              c,
              "SELECT count(*) FROM pg_roles WHERE rolname IN ('annals_app', 'annals_tenancy')"
                  + " AND (rolsuper OR rolbypassrls)"),
          "runtime roles: no superuser, no BYPASSRLS");
    }
    String events = Db.location(t).schema() + ".events";
    try (Connection c = Db.runtimeOf(t);
        Statement s = c.createStatement()) {
      // Qualified: the runtime role's search_path does not reach tenant tables, and a "relation
      // does not exist" (42P01) would pass for a refusal without trying the attack.
      assertThrowsSql(s, "SET row_security = off; SELECT count(*) FROM " + events);
      assertThrowsSql(s, "ALTER TABLE " + events + " DISABLE ROW LEVEL SECURITY");
      assertThrowsSql(s, "DELETE FROM " + events);
    }
  }

  /**
   * Runs {@code sql} as the runtime role: PostgreSQL must refuse it for lack of privilege (42501),
   * not fail for any other reason (a typo, a missing table) that would hide a working attack.
   */
  private static void assertThrowsSql(Statement s, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
    assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
