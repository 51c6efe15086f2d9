package dev.annals.it.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import dev.annals.it.ItServer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Defense in depth: even bound to its own tenant, the runtime role cannot insert, update or delete
 * events, streams or counters directly (SQLState 42501, insufficient privilege): only the append
 * function, which decides versions itself, writes them. Runs in every isolation mode (the suite
 * runs once per mode), so the grants of the shared schema, of a tenant schema and of a tenant
 * database are all checked. Appends through the API keep working (every other test).
 */
class AppendOnlyThroughFunctionIT {

  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "INSERT INTO events (tenant_id, stream_id, stream_version, event_id, event_type, data,"
            + " metadata) VALUES ('{t}', 'forged', 1, gen_random_uuid(), 'X', '{}',"
            + " '{\"principal\":\"someone-else\"}')",
        "UPDATE events SET stream_version = stream_version + 10 WHERE tenant_id = '{t}'",
        "UPDATE events SET metadata = '{\"principal\":\"forged\"}' WHERE tenant_id = '{t}'",
        "DELETE FROM events WHERE tenant_id = '{t}'",
        "INSERT INTO streams (tenant_id, stream_id, version) VALUES ('{t}', 'forged', 1)",
        "UPDATE streams SET version = 99 WHERE tenant_id = '{t}'",
        "DELETE FROM streams WHERE tenant_id = '{t}'",
        "UPDATE tenant_counters SET events = 0 WHERE tenant_id = '{t}'",
        "INSERT INTO tenant_counters (tenant_id, shard, streams, events) VALUES ('{t}', 99, 1, 1)"
      })
  void theRuntimeRoleCannotWriteEventDataDirectly(String sql) throws Exception {
    String t = Api.createTenant();
    HttpResponse<String> r =
        Api.post(
            "/api/tenants/" + t + "/streams/s/events",
            Api.appendBody("\"no_stream\"", Api.event(UUID.randomUUID(), "Placed", "{\"n\":1}")));
    assertEquals(201, r.statusCode(), r.body());

    try (Connection c = Db.runtimeOf(t)) {
      assertEquals(INSUFFICIENT_PRIVILEGE, Db.refusal(c, t, sql.replace("{t}", t)), sql);
    }
    assertEquals(1, Db.eventIds(t).size(), "nothing changed");
    assertEquals(List.of(1L), Db.versions(t, "s"));
  }

  /** The append function runs as its owner, so only the runtime role may call it at all. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"append_batch('[]'::jsonb)", "append_replay('x', 'y', '[]'::jsonb)"})
  void onlyTheRuntimeRoleMayCallTheAppendFunctions(String call) throws Exception {
    String t = Api.createTenant();
    try (Connection c =
        DriverManager.getConnection(
            Db.location(t).jdbcUrl(),
            "annals_tenancy",
            ItServer.secret(ItServer.TENANCY_PASSWORD))) {
      assertEquals(INSUFFICIENT_PRIVILEGE, Db.refusal(c, t, "SELECT * FROM " + call), call);
    }
  }
}
