package dev.annals.it.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Database servers are registered by name, with a credentials reference and quotas; tenants name
 * one, never a host and port; a server that cannot be used is refused with one generic problem.
 */
class DatabaseServersIT {

  private static final String UNREACHABLE = "it-unreachable";

  /** A registered server on a port where nothing listens (registered once per run). */
  static synchronized String unreachable() {
    HttpResponse<String> r = register(UNREACHABLE, "127.0.0.1", 1, "db2", 10_000);
    assertTrue(r.statusCode() == 201 || r.statusCode() == 409, r.body());
    return UNREACHABLE;
  }

  static String newName() {
    return "s"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
  }

  static HttpResponse<String> register(
      String name, String host, int port, String credentials, int maxTenants) {
    return Api.post(
        "/api/database-servers",
        "{\"name\":\""
            + name
            + "\",\"host\":\""
            + host
            + "\",\"port\":"
            + port
            + ",\"credentials\":\""
            + credentials
            + "\",\"maxConnectionsPerTenant\":2,\"maxTenants\":"
            + maxTenants
            + "}");
  }

  /** Registers another name for the build's second PostgreSQL server. */
  static String registerSecond(int maxTenants) {
    String name = newName();
    HttpResponse<String> r =
        register(
            name,
            "127.0.0.1",
            Integer.parseInt(System.getProperty("annals.it.db2Port")),
            "db2",
            maxTenants);
    assertEquals(201, r.statusCode(), r.body());
    return name;
  }

  static HttpResponse<String> createOn(String tenant, String server) {
    return Api.post(
        "/api/tenants",
        "{\"id\":\""
            + tenant
            + "\",\"name\":\"x\",\"isolation\":\"database\",\"database\":{\"server\":\""
            + server
            + "\"}}");
  }

  @Test
  void aServerIsRegisteredShownListedAndRemovedWithoutItsCredentials() {
    String name = newName();
    HttpResponse<String> created =
        register(
            name, "127.0.0.1", Integer.parseInt(System.getProperty("annals.it.db2Port")), "db2", 7);
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(
        created
            .headers()
            .firstValue("Location")
            .orElse("")
            .endsWith("/api/database-servers/" + name));
    JsonObject view = Api.json(created);
    assertEquals(name, view.getString("name"));
    assertEquals(7, view.getInt("maxTenants"));
    assertEquals(2, view.getInt("maxConnectionsPerTenant"));
    assertEquals(0, view.getInt("tenants"));
    assertTrue(view.getBoolean("credentialsResolve"));
    assertFalse(created.body().contains("db2"), "the reference is never echoed: " + created.body());

    assertEquals(view, Api.json(Api.get("/api/database-servers/" + name)));
    assertTrue(Api.get("/api/database-servers").body().contains("\"" + name + "\""));
    HttpResponse<String> again = register(name, "127.0.0.1", 5432, "db2", 1);
    assertEquals(409, again.statusCode(), again.body());

    assertEquals(200, Api.delete("/api/database-servers/" + name).statusCode());
    HttpResponse<String> gone = Api.get("/api/database-servers/" + name);
    assertEquals(404, gone.statusCode());
    assertEquals("https://annals.dev/problems/not-found", Api.json(gone).getString("type"));
    assertEquals(404, Api.delete("/api/database-servers/" + name).statusCode());
  }

  /** Registering and removing are recorded in the platform's chain, which still verifies. */
  @Test
  void registeringAndRemovingAreAuditedInThePlatformChain() {
    String name = newName();
    assertEquals(201, register(name, "127.0.0.1", 5433, "db2", 3).statusCode());
    assertEquals(200, Api.delete("/api/database-servers/" + name).statusCode());

    JsonObject verified = Api.json(Api.get("/api/audit/verify"));
    assertTrue(verified.getBoolean("valid"), verified.toString());
    long records = verified.getJsonNumber("records").longValue();
    JsonArray page =
        Api.json(Api.get("/api/audit?limit=1000&after=" + Math.max(0, records - 500)))
            .getJsonArray("records");
    List<JsonObject> ours =
        page.stream()
            .map(JsonValue::asJsonObject)
            .filter(r -> name.equals(r.getString("target", null)))
            .toList();
    assertEquals(
        List.of("database-server.registered", "database-server.removed"),
        ours.stream().map(r -> r.getString("action")).toList());
    for (JsonObject r : ours) {
      assertEquals("platform", r.getString("chain"));
      assertEquals("it-platform-admin", r.getString("principal"));
      assertEquals("succeeded", r.getString("outcome"));
      assertEquals("127.0.0.1", r.getJsonObject("detail").getString("host"));
      assertEquals(5433, r.getJsonObject("detail").getInt("port"));
      assertEquals(3, r.getJsonObject("detail").getInt("maxTenants"));
      assertFalse(
          r.getJsonObject("detail").toString().contains("db2"), "no credentials reference: " + r);
    }
  }

  @Test
  void aReferenceThatNamesNoCredentialsShowsAsUnresolved() {
    String name = newName();
    HttpResponse<String> r = register(name, "127.0.0.1", 5432, "no.such.credentials", 1);
    assertEquals(201, r.statusCode(), r.body());
    assertFalse(Api.json(r).getBoolean("credentialsResolve"));
  }

  @Test
  void aServerThatHoldsTenantsCannotBeRemovedUntilTheyArePurged() {
    String server = registerSecond(5);
    String t = Api.newTenantId();
    HttpResponse<String> created = createOn(t, server);
    assertEquals(201, created.statusCode(), created.body());
    assertEquals(server, Api.json(created).getJsonObject("database").getString("server"));
    assertEquals(1, Api.json(Api.get("/api/database-servers/" + server)).getInt("tenants"));

    HttpResponse<String> refused = Api.delete("/api/database-servers/" + server);
    assertEquals(409, refused.statusCode(), refused.body());
    assertEquals("https://annals.dev/problems/conflict", Api.json(refused).getString("type"));

    assertEquals(200, Api.delete("/api/tenants/" + t + "?retainDays=0").statusCode());
    assertEquals(200, Api.delete("/api/database-servers/" + server).statusCode());
  }

  @Test
  void unknownServersAreRefusedOnCreateAndMove() {
    HttpResponse<String> create = createOn(Api.newTenantId(), newName());
    assertEquals(400, create.statusCode(), create.body());
    assertEquals("https://annals.dev/problems/invalid-request", Api.json(create).getString("type"));
    assertTrue(Api.json(create).getString("detail").contains("'database.server'"));

    String t = Api.createTenant("shared");
    HttpResponse<String> move =
        Api.post(
            "/api/tenants/" + t + "/move",
            "{\"isolation\":\"database\",\"database\":{\"server\":\"" + newName() + "\"}}");
    assertEquals(400, move.statusCode(), move.body());
    assertEquals("https://annals.dev/problems/invalid-request", Api.json(move).getString("type"));
  }

  /**
   * A closed port, an address that does not answer and a port where something other than PostgreSQL
   * listens all get the same answer, which quotes nothing the remote side said.
   */
  @Test
  void serversThatCannotBeUsedAreRefusedAlikeWithoutTheirText() {
    String closed = newName();
    String silent = newName();
    String notPostgres = newName();
    assertEquals(201, register(closed, "127.0.0.1", 1, "db2", 10).statusCode());
    assertEquals(201, register(silent, "192.0.2.1", 5432, "db2", 10).statusCode());
    assertEquals(
        201,
        register(notPostgres, "127.0.0.1", Api.httpPort(), "db2", 10).statusCode(),
        "Liberty's own HTTP port");
    String expected = null;
    for (String server : new String[] {closed, silent, notPostgres}) {
      HttpResponse<String> r = createOn(Api.newTenantId(), server);
      assertEquals(400, r.statusCode(), server + ": " + r.body());
      JsonObject problem = Api.json(r);
      assertEquals("https://annals.dev/problems/invalid-request", problem.getString("type"));
      String detail = problem.getString("detail").replace(server, "S");
      if (expected == null) {
        expected = detail;
      }
      assertEquals(expected, detail, "one answer for every kind of unusable server");
      assertFalse(r.body().contains("127.0.0.1") || r.body().contains("192.0.2.1"), r.body());
      assertFalse(problem.getString("detail").toLowerCase(Locale.ROOT).contains("http"), r.body());
      assertFalse(r.body().contains("SQLState"), r.body());
    }
  }

  @Test
  void aServerHoldsAtMostItsQuotaOfDatabaseTenants() {
    String server = registerSecond(1);
    assertEquals(201, createOn(Api.newTenantId(), server).statusCode());

    HttpResponse<String> refused = createOn(Api.newTenantId(), server);
    assertEquals(403, refused.statusCode(), refused.body());
    JsonObject problem = Api.json(refused);
    assertEquals("https://annals.dev/problems/quota-exceeded", problem.getString("type"));
    assertEquals("database-servers/" + server + "/maxTenants", problem.getString("quota"));
    assertEquals(1, problem.getInt("limit"));

    String t = Api.createTenant("shared");
    HttpResponse<String> move =
        Api.post(
            "/api/tenants/" + t + "/move",
            "{\"isolation\":\"database\",\"database\":{\"server\":\"" + server + "\"}}");
    assertEquals(403, move.statusCode(), move.body());
    assertEquals("database-servers/" + server + "/maxTenants", Api.json(move).getString("quota"));
  }

  /** A new database-mode tenant's pool opens connections as they are used, never past its cap. */
  @Test
  void aDatabaseTenantsPoolOpensOnUseWithinItsCap() throws Exception {
    String server = registerSecond(5);
    String t = Api.newTenantId();
    assertEquals(201, createOn(t, server).statusCode());
    // No "none before the first use": from its creation on, the tenant's statistics projection
    // (ProjectionKeeper) and its subscription's lease use the tenant's database by themselves.
    assertTrue(tenantConnections(t) <= 5, "within the server's cap per tenant");
    assertEquals(201, TenantLifecycleIT.append(t, "s").statusCode());
    long open = tenantConnections(t);
    assertTrue(open >= 1 && open <= 5, "the pool opened a connection for the append: " + open);
  }

  /**
   * A database-mode tenant reads on a non-XA pool of its own, beside its XA pool: empty until the
   * first read, it serves the read, and its connections end with the tenant's database.
   */
  @Test
  void aDatabaseTenantReadsOnAReadsPoolOfItsOwn() throws Exception {
    String server = registerSecond(5);
    String t = Api.newTenantId();
    assertEquals(201, createOn(t, server).statusCode());
    assertEquals(201, TenantLifecycleIT.append(t, "s").statusCode());
    assertEquals(0, connections(t, READS), "the append used the XA pool, not the reads pool");

    HttpResponse<String> read = Api.get("/api/tenants/" + t + "/streams/s/events");
    assertEquals(200, read.statusCode(), read.body());
    assertEquals(1, Api.json(read).getJsonArray("events").size());
    assertTrue(connections(t, READS) >= 1, "the read opened a connection of the reads pool");

    assertEquals(200, Api.delete("/api/tenants/" + t + "?retainDays=0").statusCode());
    assertEquals(0, connections(t, READS), "dropping the database ended the pool's connections");
    HttpResponse<String> gone = Api.get("/api/tenants/" + t + "/streams/s/events");
    assertEquals(404, gone.statusCode(), gone.body()); // purged: as if it never existed
    assertEquals("https://annals.dev/problems/not-found", Api.json(gone).getString("type"));
  }

  /** The application name of a database-mode tenant's reads pool. */
  private static final String READS = "annals-tenant-reads";

  /** Connections of the tenant's XA datasource to its database, as pg_stat_activity counts them. */
  private static long tenantConnections(String tenant) throws Exception {
    return connections(tenant, "annals-tenant");
  }

  /** Connections to the tenant's database of the pool with this application name. */
  private static long connections(String tenant, String applicationName) throws Exception {
    try (Connection c = Db.secondServer();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ?"
                    + " AND application_name = ?")) {
      ps.setString(2, applicationName);
      ps.setString(1, "annals_tenant_" + tenant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
