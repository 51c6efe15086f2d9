package dev.annals.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.annals.it.Api;
import dev.annals.it.SseClient;
import dev.annals.it.Tokens;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Walks every operation of the served OpenAPI document with every role (and no token), on the
 * caller's own tenant and on another existing tenant, and checks each answer against {@link
 * #RULES}: allowed → neither 401, 403 nor the tenant 404; a missing role → 403; no token → 401;
 * another tenant → exactly the 404 of a tenant that does not exist. An operation missing from the
 * table fails the test, so a new endpoint cannot ship without deciding who may call it.
 */
class AccessMatrixIT {

  private static final String PLATFORM_ADMIN = "platform-admin";
  private static final String TENANT_ADMIN = "tenant-admin";
  private static final String WRITER = "writer";
  private static final String READER = "reader";
  private static final List<String> ROLES = List.of(PLATFORM_ADMIN, TENANT_ADMIN, WRITER, READER);

  /** Who may call an operation, and whether its path names a tenant the caller must hold. */
  private record Rule(Set<String> roles, boolean tenantInPath) {}

  /** The access table: every operation of the OpenAPI document, by operationId. */
  private static final Map<String, Rule> RULES =
      Map.ofEntries(
          Map.entry("createTenant", new Rule(Set.of(PLATFORM_ADMIN), false)),
          Map.entry("listTenants", new Rule(Set.of(PLATFORM_ADMIN), false)),
          Map.entry("getTenant", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("suspendTenant", new Rule(Set.of(PLATFORM_ADMIN), true)),
          Map.entry("resumeTenant", new Rule(Set.of(PLATFORM_ADMIN), true)),
          Map.entry("moveTenant", new Rule(Set.of(PLATFORM_ADMIN), true)),
          Map.entry("deleteTenant", new Rule(Set.of(PLATFORM_ADMIN), true)),
          Map.entry("appendEvents", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, WRITER), true)),
          Map.entry("readStream", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("getStreamInfo", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("readAll", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry(
              "readCorrelation", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("followAll", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("mintToken", new Rule(Set.of(PLATFORM_ADMIN), false)),
          Map.entry("getTenantLimits", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("setTenantLimits", new Rule(Set.of(PLATFORM_ADMIN), true)),
          Map.entry("registerDatabaseServer", new Rule(Set.of(PLATFORM_ADMIN), false)),
          Map.entry("listDatabaseServers", new Rule(Set.of(PLATFORM_ADMIN), false)),
          Map.entry("getDatabaseServer", new Rule(Set.of(PLATFORM_ADMIN), false)),
          Map.entry("removeDatabaseServer", new Rule(Set.of(PLATFORM_ADMIN), false)),
          Map.entry("listAuditRecords", new Rule(Set.of(PLATFORM_ADMIN), false)),
          Map.entry("verifyAuditChain", new Rule(Set.of(PLATFORM_ADMIN), false)),
          Map.entry("listTenantAuditRecords", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("verifyTenantAuditChain", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("createWorkflow", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, WRITER), true)),
          Map.entry("startWorkflow", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, WRITER), true)),
          Map.entry(
              "completeWorkflowStep", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, WRITER), true)),
          Map.entry(
              "completeWorkflow", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, WRITER), true)),
          Map.entry("failWorkflow", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, WRITER), true)),
          Map.entry("getWorkflow", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("putSnapshot", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, WRITER), true)),
          Map.entry("getSnapshot", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("defineSagaType", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("deleteSagaType", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("listSagaTypes", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("getSagaType", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("startSaga", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, WRITER), true)),
          Map.entry("cancelSaga", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, WRITER), true)),
          Map.entry("retrySaga", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, WRITER), true)),
          Map.entry("listSagas", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("getSaga", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("createSubscription", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("putUpcaster", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("listUpcasters", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("deleteUpcaster", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry(
              "listSubscriptions", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry(
              "getSubscription", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("pauseSubscription", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("resumeSubscription", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("resetSubscription", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("deleteSubscription", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry(
              "listProjections", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("getProjection", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN, READER), true)),
          Map.entry("rebuildProjection", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("setSubscriptionPolicy", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("listDeadLetters", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("getDeadLetter", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("countDeadLetters", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("redriveDeadLetter", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("discardDeadLetter", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)),
          Map.entry("redriveDeadLetters", new Rule(Set.of(PLATFORM_ADMIN, TENANT_ADMIN), true)));

  /** An answer's status and body (a stream's body is not read: it never ends). */
  private record Answer(int statusCode, String body) {}

  /** One operation of the document. */
  private record Operation(String id, String method, String pathTemplate) {}

  @Test
  void everyOperationAnswersEveryRoleAsTheTableSays() {
    List<Operation> operations = servedOperations();
    List<String> failures = new ArrayList<>();
    for (Operation op : operations) {
      Rule rule = RULES.get(op.id());
      if (rule == null) {
        failures.add(
            op.id()
                + " ("
                + op.method()
                + " "
                + op.pathTemplate()
                + ") has no row in the access table: decide who may call it (here and with"
                + " @Allowed on its resource method)");
        continue;
      }
      // Fresh tenants per operation: destructive operations (suspend, delete) touch nothing else.
      String own = Api.createTenant("shared");
      String other = Api.createTenant("shared");
      for (String role : ROLES) {
        String token = Tokens.of("it-" + role, List.of(role), List.of(own));
        for (boolean onOwn : rule.tenantInPath() ? List.of(true, false) : List.of(true)) {
          String tenant = onOwn ? own : other;
          Answer r = send(op, tenant, token);
          String where = op.id() + " as " + role + " on " + (onOwn ? "own" : "other") + " tenant";
          boolean roleAllowed = rule.roles().contains(role);
          boolean tenantVisible = onOwn || role.equals(PLATFORM_ADMIN);
          if (!roleAllowed) {
            check(failures, where, r, 403, "forbidden");
          } else if (!tenantVisible) {
            checkTenantNotFound(failures, where, r, tenant);
          } else if (r.statusCode() == 401
              || r.statusCode() == 403
              || isTenantNotFound(r, tenant)
              || r.statusCode() >= 500) {
            failures.add(
                where + ": expected to be allowed, got " + r.statusCode() + " " + r.body());
          }
        }
      }
      check(failures, op.id() + " without a token", send(op, own, null), 401, "unauthenticated");
    }
    Set<String> documented = new java.util.HashSet<>();
    operations.forEach(o -> documented.add(o.id()));
    for (String id : RULES.keySet()) {
      if (!documented.contains(id)) {
        failures.add(id + " is in the access table but not in the OpenAPI document");
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " access failures:\n" + String.join("\n", failures));
    }
  }

  @Test
  void aTenantOutsideTheTokenAnswersExactlyAsATenantThatDoesNotExist() {
    String own = Api.createTenant("shared");
    String other = Api.createTenant("shared");
    String missing = Api.newTenantId();
    String reader = Tokens.of("it-reader", List.of(READER), List.of(own));
    JsonObject refused =
        Api.json(Api.call("GET", "/api/tenants/" + other + "/events", null, reader));
    JsonObject unknown =
        Api.json(
            Api.call("GET", "/api/tenants/" + missing + "/events", null, Tokens.platformAdmin()));
    assertEquals(unknown.getString("type"), refused.getString("type"));
    assertEquals(unknown.getString("title"), refused.getString("title"));
    assertEquals(unknown.getInt("status"), refused.getInt("status"));
    assertEquals(
        unknown.getString("detail").replace(missing, "T"),
        refused.getString("detail").replace(other, "T"));
    assertEquals(unknown.keySet(), refused.keySet());
  }

  private static Answer send(Operation op, String tenant, String token) {
    String path =
        op.pathTemplate()
            .replace("{tenant}", tenant)
            .replace("{stream}", "matrix-" + UUID.randomUUID())
            .replace("{server}", "matrix-no-such-server")
            .replace("{workflowId}", UUID.randomUUID().toString())
            .replace("{subscription}", "matrix-no-such-subscription")
            .replace("{fromVersion}", "1")
            // any other path parameter (a correlation id, a name): a value that names nothing
            .replaceAll("\\{[A-Za-z]+}", "matrix-" + UUID.randomUUID());
    String body =
        switch (op.id()) {
          case "createTenant" -> "{\"id\":\"" + Api.newTenantId() + "\",\"name\":\"matrix\"}";
          case "moveTenant" -> "{\"isolation\":\"nowhere\"}"; // refused after the access check
          case "appendEvents" ->
              Api.appendBody(
                  "\"any\"", Api.event(UUID.randomUUID(), "MatrixChecked", "{\"ok\":true}"));
          case "mintToken" ->
              "{\"subject\":\"matrix\",\"roles\":[\"reader\"],\"tenants\":[\"" + tenant + "\"]}";
          // an invalid rate: refused after the access check, so the tenant's rates stay
          case "setTenantLimits" -> "{\"requestsPerSecond\":0,\"principalRequestsPerSecond\":null}";
          // a snapshot of a stream that does not exist: refused (404) after the access check
          case "putSnapshot" -> "{\"version\":1,\"schemaVersion\":1,\"state\":{}}";
          // an empty policy: refused (400) after the access check
          case "setSubscriptionPolicy" -> "{}";
          case "putUpcaster" -> "{\"operations\":[{\"remove\":\"/matrix\"}]}";
          case "defineSagaType" -> "{\"steps\":[]}"; // refused after the access check
          default -> op.method().equals("POST") ? "{}" : null;
        };
    if (op.id().equals("deleteTenant")) {
      path += "?retainDays=-1"; // refused after the access check: the tenant stays
    }
    if (op.id().equals("followAll")) {
      // A stream: only its status (and a refusal's problem) is read, then it is closed.
      try (SseClient stream = SseClient.open(path, token)) {
        return new Answer(stream.status(), stream.problem() == null ? "" : stream.problem());
      }
    }
    HttpResponse<String> r = Api.call(op.method(), path, body, token);
    return new Answer(r.statusCode(), r.body());
  }

  private static void check(
      List<String> failures, String where, Answer r, int status, String type) {
    if (r.statusCode() != status
        || !r.body().contains("\"type\":\"https://annals.dev/problems/" + type + "\"")) {
      failures.add(
          where + ": expected " + status + " " + type + ", got " + r.statusCode() + " " + r.body());
    }
  }

  private static void checkTenantNotFound(
      List<String> failures, String where, Answer r, String tenant) {
    if (!isTenantNotFound(r, tenant)) {
      failures.add(where + ": expected the tenant 404, got " + r.statusCode() + " " + r.body());
    }
  }

  private static boolean isTenantNotFound(Answer r, String tenant) {
    if (r.statusCode() != 404) {
      return false;
    }
    JsonObject p;
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))) {
      p = reader.readObject();
    }
    return p.getString("type").equals("https://annals.dev/problems/not-found")
        && p.getString("detail").equals("Tenant '" + tenant + "' does not exist");
  }

  /** Every (path, method) of the served document with its operationId, in path order. */
  private static List<Operation> servedOperations() {
    HttpResponse<String> r = Api.call("GET", "/openapi?format=JSON", null, null);
    assertEquals(200, r.statusCode());
    JsonObject paths = Api.json(r).getJsonObject("paths");
    List<Operation> out = new ArrayList<>();
    for (Map.Entry<String, jakarta.json.JsonValue> p : new TreeMap<>(paths).entrySet()) {
      for (Map.Entry<String, jakarta.json.JsonValue> m : p.getValue().asJsonObject().entrySet()) {
        String method = m.getKey().toUpperCase(Locale.ROOT);
        if (Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS").contains(method)) {
          out.add(
              new Operation(
                  m.getValue().asJsonObject().getString("operationId"), method, p.getKey()));
        }
      }
    }
    assertTrue(out.size() >= RULES.size(), "the document lists " + out.size() + " operations");
    assertNotEquals(0, out.size());
    return out;
  }
}
