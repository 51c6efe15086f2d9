package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.SnapshotApi.path;
import static dev.annals.it.eventstore.SnapshotApi.put;
import static dev.annals.it.eventstore.SnapshotApi.snapshotVersions;
import static dev.annals.it.eventstore.SnapshotApi.stream;
import static dev.annals.it.eventstore.Workflows.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import dev.annals.it.ItServer;
import dev.annals.it.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshots over HTTP, their retention, and loading that ignores unusable ones. */
class SnapshotIT {

  @Test
  void aSnapshotIsStoredAndFetchedAtOrBelowAVersion() {
    String tenant = Api.createTenant();
    String stream = stream(tenant, "cart", 5);
    HttpResponse<String> put = put(tenant, stream, 3, 7, "{\"items\":[1,2]}");
    assertEquals(200, put.statusCode(), put.body());
    JsonObject stored = Api.json(put);
    assertEquals(3, stored.getInt("version"));
    assertEquals(7, stored.getInt("schemaVersion"));
    assertEquals(2, stored.getJsonObject("state").getJsonArray("items").size());
    assertEquals(stored, Api.json(Api.get(path(tenant, stream))));
    assertEquals(stored, Api.json(Api.get(path(tenant, stream) + "?atOrBelow=4")));
    assertEquals(200, put(tenant, stream, 5, 7, "\"five\"").statusCode());
    assertEquals("five", Api.json(Api.get(path(tenant, stream))).getString("state"));
    assertEquals(stored, Api.json(Api.get(path(tenant, stream) + "?atOrBelow=4")));
    assertProblem(Api.get(path(tenant, stream) + "?atOrBelow=2"), 404, "not-found");
  }

  @Test
  void aSnapshotAheadOfItsStreamIs409AndOfNoStream404() {
    String tenant = Api.createTenant();
    String stream = stream(tenant, "cart", 2);
    JsonObject p = assertProblem(put(tenant, stream, 3, 1, "{}"), 409, "snapshot-ahead");
    assertEquals(2, p.getInt("currentVersion"));
    assertProblem(put(tenant, "cart-missing", 1, 1, "{}"), 404, "not-found");
    assertProblem(Api.get(path(tenant, "cart-missing")), 404, "not-found");
    assertProblem(Api.get(path(tenant, stream)), 404, "not-found");
  }

  @Test
  void badSnapshotBodiesAre400NamingTheField() {
    String tenant = Api.createTenant();
    String stream = stream(tenant, "cart", 2);
    String p = path(tenant, stream);
    bad(Api.put(p, "{\"schemaVersion\":1,\"state\":{}}"), "'version'");
    bad(Api.put(p, "{\"version\":0,\"schemaVersion\":1,\"state\":{}}"), "'version'");
    bad(Api.put(p, "{\"version\":1.5,\"schemaVersion\":1,\"state\":{}}"), "'version'");
    bad(Api.put(p, "{\"version\":\"1\",\"schemaVersion\":1,\"state\":{}}"), "'version'");
    bad(Api.put(p, "{\"version\":1,\"schemaVersion\":0,\"state\":{}}"), "'schemaVersion'");
    bad(Api.put(p, "{\"version\":1,\"schemaVersion\":2147483648,\"state\":{}}"), "'schemaVersion'");
    bad(Api.put(p, "{\"version\":1,\"schemaVersion\":1}"), "'state'");
    bad(Api.put(p, "{\"version\":1,\"schemaVersion\":1,\"state\":{},\"at\":1}"), "'at'");
    bad(Api.put(p, "{\"version\":1,\"schemaVersion\":1,\"state\":\"\\u0000\"}"), "state");
    bad(Api.put(p, "[1]"), "object");
    bad(Api.get(p + "?atOrBelow=0"), "'atOrBelow'");
    bad(Api.get(p + "?atOrBelow=x"), "'atOrBelow'");
    assertProblem(Api.get(p), 404, "not-found");
  }

  @Test
  void aStreamKeepsExactlyItsCategorysNewestSnapshots() throws SQLException {
    String tenant = Api.createTenant();
    String stream = stream(tenant, "cart", 6);
    for (int v = 1; v <= 6; v++) {
      assertEquals(200, put(tenant, stream, v, 1, "{\"v\":" + v + "}").statusCode());
    }
    // unknown categories keep 3
    assertEquals(List.of(4L, 5L, 6L), snapshotVersions(tenant, stream));
    assertProblem(Api.get(path(tenant, stream) + "?atOrBelow=3"), 404, "not-found");

    // workflows snapshot every 3 events and keep 2 in the tests' server (server.env)
    Workflows api = Workflows.on(tenant);
    String id = api.create();
    assertEquals(200, api.command(id, "start", null).statusCode());
    for (int i = 0; i < 8; i++) {
      assertEquals(200, api.command(id, "steps", "{\"name\":\"s" + i + "\"}").statusCode());
    }
    assertEquals(List.of(6L, 9L), snapshotVersions(tenant, "workflow-" + id));
    JsonObject newest = Api.json(Api.get(path(tenant, "workflow-" + id)));
    assertEquals(1, newest.getInt("schemaVersion"));
    assertEquals(7, newest.getJsonObject("state").getJsonArray("steps").size());
  }

  @Test
  void anotherTenantNeverSeesOrWritesTheSnapshots() {
    String tenant = Api.createTenant();
    String other = Api.createTenant();
    String stream = stream(tenant, "cart", 2);
    assertEquals(200, put(tenant, stream, 2, 1, "{\"secret\":true}").statusCode());
    String outsider = Tokens.of("outsider", List.of("writer", "reader"), List.of(other));
    for (HttpResponse<String> r :
        List.of(
            Api.call("GET", path(tenant, stream), null, outsider),
            Api.call(
                "PUT",
                path(tenant, stream),
                "{\"version\":1,\"schemaVersion\":1,\"state\":1}",
                outsider))) {
      assertEquals(
          "Tenant '" + tenant + "' does not exist",
          assertProblem(r, 404, "not-found").getString("detail"));
    }
    // the same stream name in the other tenant: its own (missing) stream, no snapshot
    assertProblem(Api.call("GET", path(other, stream), null, outsider), 404, "not-found");
    assertEquals(
        "{\"secret\":true}",
        Api.json(Api.get(path(tenant, stream))).getJsonObject("state").toString());
  }

  @Test
  void loadingIgnoresUnknownCorruptAndStaleSnapshots() throws SQLException {
    String tenant = Api.createTenant();
    Workflows api = Workflows.on(tenant);
    String id = api.create();
    assertEquals(200, api.command(id, "start", null).statusCode());
    assertEquals(200, api.command(id, "steps", "{\"name\":\"a\"}").statusCode());
    assertEquals(200, api.command(id, "steps", "{\"name\":\"b\"}").statusCode());
    String stream = "workflow-" + id;
    JsonObject expected = Workflows.view(api.fold(id, Long.MAX_VALUE));
    assertEquals(expected, Api.json(api.get(id, null)));

    long ignored = ignoredSnapshots();
    // an unknown schema version at the head
    String lie =
        "{\"status\":\"completed\",\"title\":\"x\",\"question\":\"x\",\"methodology\":\"x\","
            + "\"steps\":[]}";
    assertEquals(200, put(tenant, stream, 4, 99, lie).statusCode());
    assertEquals(expected, Api.json(api.get(id, null)));
    assertTrue(ignoredSnapshots() > ignored);

    // a state that does not decode, with the known schema version
    ignored = ignoredSnapshots();
    assertEquals(200, put(tenant, stream, 4, 1, "[\"garbage\"]").statusCode());
    assertEquals(expected, Api.json(api.get(id, null)));
    assertTrue(ignoredSnapshots() > ignored);

    // a stale one, above the stream's version (only possible behind the API's back)
    ignored = ignoredSnapshots();
    try (Connection c = Db.ownerOf(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO snapshots (tenant_id, stream_id, stream_version, schema_version,"
                    + " state) VALUES (?, ?, 50, 1, ?::jsonb)")) {
      ps.setString(1, tenant);
      ps.setString(2, stream);
      ps.setString(3, lie);
      ps.executeUpdate();
    }
    assertEquals(expected, Api.json(api.get(id, null)));
    assertEquals(
        Workflows.view(api.fold(id, 3)), Api.json(api.get(id, "asOf=3")), "a version below");
    assertTrue(ignoredSnapshots() > ignored);
    // the snapshot the policy took at version 3 is still used, and commands go on
    assertEquals(200, api.command(id, "complete", null).statusCode());
    assertEquals(Workflows.view(api.fold(id, Long.MAX_VALUE)), Api.json(api.get(id, null)));
  }

  @Test
  void aStreamsSnapshotsAreDeletedWithItsStream() throws SQLException {
    String tenant = Api.createTenant();
    String stream = stream(tenant, "cart", 2);
    String kept = stream(tenant, "cart", 2);
    assertEquals(200, put(tenant, stream, 2, 1, "{}").statusCode());
    assertEquals(200, put(tenant, kept, 2, 1, "{}").statusCode());
    // No API deletes a stream yet: its row goes as the owner's would, and takes its snapshots.
    try (Connection c = Db.ownerOf(tenant);
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM streams WHERE tenant_id = ? AND stream_id = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, stream);
      assertEquals(1, ps.executeUpdate());
    }
    assertEquals(List.of(), snapshotVersions(tenant, stream));
    assertEquals(List.of(2L), snapshotVersions(tenant, kept));
  }

  @Test
  void theRuntimeRoleSeesAndWritesOnlyItsBoundTenantsSnapshots() throws SQLException {
    String a = Api.createTenant();
    String b = Api.createTenant();
    String stream = stream(a, "cart", 2);
    assertEquals(200, put(a, stream, 2, 1, "{}").statusCode());
    String table = Db.location(a).schema() + ".snapshots";
    try (Connection c = Db.runtimeOf(a);
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      Db.bind(c, b, Db.location(a).schema());
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
        rs.next();
        assertEquals(0, rs.getLong(1), "another tenant's snapshots are invisible");
      }
      assertEquals(0, s.executeUpdate("DELETE FROM " + table + " WHERE tenant_id = '" + a + "'"));
      assertEquals(
          0, s.executeUpdate("UPDATE " + table + " SET state = '1' WHERE tenant_id = '" + a + "'"));
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  s.executeUpdate(
                      "INSERT INTO "
                          + table
                          + " (tenant_id, stream_id, stream_version, schema_version, state)"
                          + " VALUES ('"
                          + a
                          + "', '"
                          + stream
                          + "', 1, 1, '{}')"));
      assertEquals("42501", e.getSQLState(), e.getMessage());
      c.rollback();
    }
    assertEquals(List.of(2L), snapshotVersions(a, stream));
  }

  private static long ignoredSnapshots() {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(ItServer.baseUri().resolve("/metrics?scope=application"))
                      .header("Authorization", "Bearer " + Tokens.platformAdmin())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      for (String line : r.body().split("\n")) {
        if (line.startsWith("annals_snapshots_ignored_total")) {
          return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return 0;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void bad(HttpResponse<String> r, String named) {
    JsonObject p = assertProblem(r, 400, "invalid-request");
    assertTrue(p.getString("detail").contains(named), p.toString());
  }
}
