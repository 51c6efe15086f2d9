package dev.annals.it.eventstore;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annals.it.Api;
import dev.annals.it.Db;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-written SQL as the runtime role: Row-Level Security, not the application, isolates. */
class RowLevelSecurityIT {

  private String a;
  private String b;

  @BeforeEach
  void twoTenantsWithEvents() {
    a = Api.createTenant("shared");
    b = Api.createTenant("shared");
    for (String t : new String[] {a, b}) {
      String body =
          appendBody("\"any\"", event(UUID.randomUUID(), "Secret", "{\"owner\":\"" + t + "\"}"));
      assertEquals(201, Api.post("/api/tenants/" + t + "/streams/vault/events", body).statusCode());
    }
  }

  @Test
  void connectionBoundToOneTenantCannotReadAnothersRows() throws Exception {
    try (Connection c = Db.runtime()) {
      c.setAutoCommit(false);
      Db.bind(c, a);
      assertEquals(0, count(c, "SELECT count(*) FROM annals.events WHERE tenant_id = '" + b + "'"));
      assertEquals(
          0, count(c, "SELECT count(*) FROM annals.streams WHERE tenant_id = '" + b + "'"));
      assertEquals(1, count(c, "SELECT count(*) FROM annals.events"));
      c.rollback();
    }
  }

  @Test
  void connectionBoundToOneTenantCannotWriteAnothersRows() throws Exception {
    try (Connection c = Db.runtime()) {
      c.setAutoCommit(false);
      Db.bind(c, a);
      SQLException refused =
          assertThrows(
              SQLException.class,
              () -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "INSERT INTO annals.events (tenant_id, stream_id, stream_version, event_id,"
                            + " event_type, data, metadata) VALUES (?, 'vault', 2, ?::uuid, 'X',"
                            + " '{}', '{}')")) {
                  ps.setString(1, b);
                  ps.setString(2, UUID.randomUUID().toString());
                  ps.executeUpdate();
                }
              });
      assertEquals("42501", refused.getSQLState(), refused.getMessage());
      c.rollback();
    }
    assertEquals(1, Db.eventIds(b).size());
  }

  @Test
  void tenantBindingEndsWithItsTransactionOnAReusedConnection() throws Exception {
    try (Connection c = Db.runtime()) {
      c.setAutoCommit(false);
      Db.bind(c, a);
      assertEquals(1, count(c, "SELECT count(*) FROM annals.events"));
      c.commit();

      assertEquals(0, count(c, "SELECT count(*) FROM annals.events"));
      assertEquals(0, count(c, "SELECT count(*) FROM annals.streams"));
      c.rollback();
    }
  }

  @Test
  void unboundConnectionSeesNothing() throws Exception {
    try (Connection c = Db.runtime()) {
      assertEquals(0, count(c, "SELECT count(*) FROM annals.events"));
    }
  }

  @Test
  void runtimeRoleIsNoSuperuserOwnsNothingAndCannotBypassRowLevelSecurity() throws Exception {
    try (Connection c = Db.owner();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles"
                    + " WHERE rolname = 'annals_app'")) {
      rs.next();
      for (int i = 1; i <= 4; i++) {
        assertFalse(rs.getBoolean(i), "attribute " + i);
      }
    }
    try (Connection c = Db.owner()) {
      assertEquals(
          0,
          count(
              c,
              "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE"
                  + " rolname = 'annals_app')"));
      assertEquals(
          2,
          count(
              c,
              "SELECT count(*) FROM pg_class WHERE relname IN ('events', 'streams')"
                  + " AND relnamespace = 'annals'::regnamespace AND relrowsecurity AND relforcerowsecurity"));
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
