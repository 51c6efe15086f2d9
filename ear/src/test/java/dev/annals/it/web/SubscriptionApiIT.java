package dev.annals.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The subscription endpoints' refusals (each names its problem and changes nothing), names unique
 * per tenant, the webhook secret shown once, and every change in the tenant's audit chain.
 */
class SubscriptionApiIT {

  private static String base(String tenant) {
    return "/api/tenants/" + tenant + "/subscriptions";
  }

  private static String webhook(String name, String url) {
    return "{\"name\":\"" + name + "\",\"target\":{\"webhook\":{\"url\":\"" + url + "\"}}}";
  }

  private static void assertRefused(HttpResponse<String> r, int status, String type, String says) {
    assertEquals(status, r.statusCode(), r.body());
    JsonObject problem = Api.json(r);
    assertEquals("https://annals.dev/problems/" + type, problem.getString("type"), r.body());
    assertTrue(problem.getString("detail").contains(says), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
  }

  @Test
  void theSubscriptionQuotaRefusesOneMoreAndNamesItself() {
    String t = Api.createTenant();
    HttpResponse<String> set =
        Api.put(
            "/api/tenants/" + t + "/limits",
            "{\"requestsPerSecond\":null,\"principalRequestsPerSecond\":null,\"quotas\":{"
                + "\"maxStreams\":null,\"maxStorageBytes\":null,\"maxSubscriptions\":2}}");
    assertEquals(200, set.statusCode(), set.body());
    assertEquals(201, Api.post(base(t), webhook("quota-a", "http://example.test/a")).statusCode());
    assertEquals(201, Api.post(base(t), webhook("quota-b", "http://example.test/b")).statusCode());
    HttpResponse<String> third = Api.post(base(t), webhook("quota-c", "http://example.test/c"));
    assertRefused(third, 403, "quota-exceeded", "maxSubscriptions");
    JsonObject problem = Api.json(third);
    assertEquals("maxSubscriptions", problem.getString("quota"));
    assertEquals(2, problem.getJsonNumber("limit").longValue());
    assertEquals(2, problem.getJsonNumber("usage").longValue());
    assertEquals(
        404,
        Api.get(base(t) + "/quota-c").statusCode(),
        "the refused subscription was not created");
    assertEquals(200, Api.delete(base(t) + "/quota-a").statusCode());
    assertEquals(201, Api.post(base(t), webhook("quota-c", "http://example.test/c")).statusCode());
  }

  @Test
  void badInputIsRefusedByNameAndCreatesNothing() {
    String t = Api.createTenant();
    assertRefused(
        Api.post(base(t), webhook("Bad Name", "http://example.test/h")),
        400,
        "invalid-request",
        "Subscription name");
    assertRefused(
        Api.post(base(t), "{\"name\":\"sub-one\",\"target\":{\"handler\":\"no-such-handler\"}}"),
        400,
        "invalid-request",
        "no-such-handler");
    assertRefused(
        Api.post(base(t), webhook("sub-one", "ftp://example.test/h")),
        400,
        "invalid-request",
        "http or https");
    assertRefused(
        Api.post(
            base(t), webhook("sub-one", "http://127.0.0.1:" + Api.httpPort() + "/api/tenants")),
        400,
        "invalid-request",
        "this server's own endpoints");
    assertRefused(
        Api.post(base(t), webhook("sub-one", "http://localhost:" + Api.httpPort() + "/openapi")),
        400,
        "invalid-request",
        "this server's own endpoints");
    assertRefused(
        Api.post(
            base(t),
            "{\"name\":\"sub-one\",\"start\":\"99-99\",\"target\":{\"webhook\":{\"url\":\"http://example.test/h\"}}}"),
        400,
        "invalid-request",
        "99-99");
    assertRefused(
        Api.post(
            base(t),
            "{\"name\":\"sub-one\",\"target\":{\"webhook\":{\"url\":\"http://example.test/h\"}},\"extra\":1}"),
        400,
        "invalid-request",
        "extra");
    assertRefused(Api.post(base(t), "{\"name\":\"sub-one\"}"), 400, "invalid-request", "target");
    JsonObject list = Api.json(Api.get(base(t)));
    assertEquals(0, list.getJsonArray("subscriptions").size());
  }

  @Test
  void aNameIsUniqueInItsTenantAndUnknownNamesAre404() {
    String t = Api.createTenant();
    HttpResponse<String> created = Api.post(base(t), webhook("sub-dup", "http://example.test/h"));
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(created.headers().firstValue("Location").orElse("").endsWith(base(t) + "/sub-dup"));
    assertRefused(
        Api.post(base(t), webhook("sub-dup", "http://example.test/other")),
        409,
        "conflict",
        "sub-dup");
    assertRefused(Api.get(base(t) + "/sub-none"), 404, "not-found", "sub-none");
    assertRefused(Api.post(base(t) + "/sub-none/pause", null, ""), 404, "not-found", "sub-none");
    assertRefused(
        Api.post(base(t) + "/sub-dup/reset", "{\"to\":\"1-1\"}"), 400, "invalid-request", "1-1");
    assertRefused(
        Api.post(base(t) + "/sub-dup/reset", "{\"to\":\"sometime\"}"),
        400,
        "invalid-request",
        "'to'");

    // The same name in another tenant is another subscription.
    String other = Api.createTenant();
    assertEquals(
        201, Api.post(base(other), webhook("sub-dup", "http://example.test/h")).statusCode());
  }

  @Test
  void theSecretIsShownOnceAndEveryChangeIsAudited() throws Exception {
    String t = Api.createTenant();
    String name = "sub-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created = Api.post(base(t), webhook(name, "https://example.test/hook"));
    assertEquals(201, created.statusCode(), created.body());
    String secret = Api.json(created).getString("secret");
    JsonObject shown = Api.json(Api.get(base(t) + "/" + name));
    assertEquals(
        "https://example.test/hook",
        shown.getJsonObject("target").getJsonObject("webhook").getString("url"));
    assertFalse(Api.get(base(t)).body().contains(secret));
    assertEquals(
        "paused", Api.json(Api.post(base(t) + "/" + name + "/pause", null, "")).getString("state"));
    Api.post(base(t) + "/" + name + "/resume", null, "");
    Api.post(base(t) + "/" + name + "/reset", "{\"to\":\"now\"}");
    HttpResponse<String> deleted = Api.delete(base(t) + "/" + name);
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals(name, Api.json(deleted).getString("name"));
    assertRefused(Api.delete(base(t) + "/" + name), 404, "not-found", name);

    List<String> actions =
        Db.platformColumn(
            "SELECT action FROM annals.audit_records WHERE chain = 'tenant:' || ? AND target = ?"
                + " ORDER BY seq",
            t,
            name);
    assertEquals(
        List.of(
            "subscription.created",
            "subscription.paused",
            "subscription.resumed",
            "subscription.reset",
            "subscription.deleted"),
        actions);
    List<String> details =
        Db.platformColumn(
            "SELECT detail::text FROM annals.audit_records WHERE chain = 'tenant:' || ?", t);
    assertFalse(String.join("\n", details).contains(secret), "the secret never reaches the log");
  }
}
