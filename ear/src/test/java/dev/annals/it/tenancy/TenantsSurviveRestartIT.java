package dev.annals.it.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import dev.annals.it.ItServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Fifty tenants of mixed modes (database tenants on the platform's server and on a second
 * PostgreSQL server), then a server restart after its tenant datasource files were lost (as {@code
 * mvn clean} would lose them): every tenant is reachable and sees exactly its own data.
 */
class TenantsSurviveRestartIT {

  /** The second PostgreSQL server the build starts for database tenants placed elsewhere. */
  static String secondServer() {
    return Api.onSecondServer();
  }

  @Test
  void fiftyTenantsOfMixedModesSurviveARestartIsolated() throws Exception {
    Map<String, String> tenants = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      String mode = i < 20 ? "shared" : i < 35 ? "schema" : "database";
      String server = i >= 45 ? secondServer() : null;
      String t = Api.createTenant(mode, server);
      String id = UUID.randomUUID().toString();
      HttpResponse<String> r =
          Api.post(
              "/api/tenants/" + t + "/streams/own/events",
              Api.appendBody("\"no_stream\"", Api.event(UUID.fromString(id), "Mine", "{}")));
      assertEquals(201, r.statusCode(), r.body());
      tenants.put(t, id);
    }
    String onSecond = tenants.keySet().stream().toList().get(49);
    assertEquals(
        System.getProperty("annals.it.db2Port"),
        Db.location(onSecond).jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"),
        "placed on the second server");

    // Start-up upkeep: a deleted tenant whose retention ended is purged, and a move whose node
    // died after its fence is rolled back (the tenant writable again, where it was).
    String expired = Api.createTenant("schema");
    assertEquals(200, Api.delete("/api/tenants/" + expired + "?retainDays=5").statusCode());
    String stranded = Api.createTenant("shared");
    try (Connection c = Db.owner();
        Statement st = c.createStatement()) {
      st.execute(
          "UPDATE annals.tenants SET purge_after = now() - interval '1 minute'"
              + " WHERE tenant_id = '"
              + expired
              + "'");
      st.execute("UPDATE annals.tenants SET state = 'moving' WHERE tenant_id = '" + stranded + "'");
      st.execute(
          "UPDATE annals.tenant_gate SET state = 'moved' WHERE tenant_id = '" + stranded + "'");
      st.execute(
          "INSERT INTO annals.tenant_moves (tenant_id, from_isolation, to_isolation, prior_state,"
              + " phase, updated_at) VALUES ('"
              + stranded
              + "', 'shared', 'schema', 'active', 'fenced', now() - interval '1 hour')");
    }
    assertEquals(503, TenantLifecycleIT.append(stranded, "s").statusCode(), "fenced");

    ItServer.restart(TenantsSurviveRestartIT::loseTenantDataSourceFiles);

    assertEquals(404, Api.get("/api/tenants/" + expired).statusCode(), "purged at start-up");
    assertEquals(
        0,
        TenantLifecycleIT.count(
            "SELECT count(*) FROM pg_namespace WHERE nspname = ?", "tenant_" + expired));
    JsonObject rolledBack = Api.json(Api.get("/api/tenants/" + stranded));
    assertEquals("active", rolledBack.getString("state"));
    assertEquals("shared", rolledBack.getString("isolation"));
    assertEquals("failed", rolledBack.getJsonObject("move").getString("phase"));
    assertEquals(201, TenantLifecycleIT.append(stranded, "s").statusCode(), "writable again");

    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, String> e : tenants.entrySet()) {
      HttpResponse<String> all = Api.get("/api/tenants/" + e.getKey() + "/events");
      if (all.statusCode() != 200) {
        failures.add(e.getKey() + ": " + all.statusCode() + " " + all.body());
        continue;
      }
      List<String> ids =
          Api.json(all).getJsonArray("events").getValuesAs(JsonObject.class).stream()
              .map(o -> o.getString("eventId"))
              .toList();
      if (!ids.equals(List.of(e.getValue()))) {
        failures.add(e.getKey() + ": sees " + ids);
      }
      HttpResponse<String> more =
          Api.post(
              "/api/tenants/" + e.getKey() + "/streams/own/events",
              Api.appendBody("1", "{\"type\":\"After\",\"data\":{}}"));
      if (more.statusCode() != 201) {
        failures.add(e.getKey() + ": append after restart " + more.statusCode() + more.body());
      }
    }
    assertEquals(List.of(), failures);
  }

  private static void loseTenantDataSourceFiles() {
    Path dir = ItServer.serverDir().resolve("configDropins").resolve("overrides");
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "annals-tenant-*.xml")) {
      for (Path f : files) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
