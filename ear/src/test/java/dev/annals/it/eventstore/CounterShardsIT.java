package dev.annals.it.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A write transaction left open never makes another writer of the same tenant wait for the tenant's
 * counts: the second append runs on a backend whose counter shard is the open one's own
 * (pg_backend_pid() % 16), where it used to wait until the first committed, and with a lock timeout
 * it would fail with 55P03 instead of completing.
 */
class CounterShardsIT {

  @Test
  void anOpenAppendNeverHoldsUpAnotherWriterOfTheTenant() throws Exception {
    String tenant = Api.createTenant();
    try (Connection held = Db.openAppend(tenant, "held-" + UUID.randomUUID(), uuid())) {
      int shard = pid(held) % 16;
      Connection second = null;
      // Each new connection is a new backend with a new pid: at most two are open at a time
      // (connections are scarce while two servers share the tests' PostgreSQL).
      for (int attempt = 0; second == null && attempt < 500; attempt++) {
        Connection c = Db.runtimeOf(tenant);
        if (pid(c) % 16 == shard) {
          second = c;
        } else {
          c.close();
        }
      }
      assertNotNull(second, "no backend on the held one's counter shard in 500 connections");
      try (Connection c = second) {
        c.setAutoCommit(false);
        Db.bind(c, tenant);
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL lock_timeout = '5s'");
        }
        assertEquals("ok", append(c, tenant, "free-" + UUID.randomUUID()));
        c.commit();
      }
      held.commit();
    }
    JsonObject details = Api.json(Api.get("/api/tenants/" + tenant));
    assertEquals(2, details.getJsonNumber("streams").longValue());
    assertEquals(2, details.getJsonNumber("events").longValue());
  }

  private static String append(Connection c, String tenant, String stream) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT status FROM append_batch(?::jsonb)")) {
      ps.setString(
          1,
          "[{\"tenant\":\""
              + tenant
              + "\",\"stream\":\""
              + stream
              + "\",\"expected\":\"no_stream\",\"events\":[{\"id\":\""
              + uuid()
              + "\",\"type\":\"Counted\",\"data\":{},\"metadata\":{}}]}]");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static int pid(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }
}
