package dev.annals.it.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
    List<Connection> spare = new ArrayList<>();
    try (Connection held = Db.openAppend(tenant, "held-" + UUID.randomUUID(), uuid())) {
      int shard = pid(held) % 16;
      Connection second = null;
      while (second == null) {
        Connection c = Db.runtimeOf(tenant);
        if (pid(c) % 16 == shard) {
          second = c;
        } else {
          spare.add(c); // kept open, so the next connection gets another backend
        }
      }
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
    } finally {
      for (Connection c : spare) {
        c.close();
      }
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
