package dev.annals.it.eventstore;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A tenant's stream and storage quotas, enforced by the append function: the append that would
 * exceed one is refused alone (403 quota-exceeded naming the quota, its limit and the usage) and
 * stores nothing, exactly also under concurrent appends; other tenants, including those sharing its
 * group-commit batches, are unaffected.
 */
class QuotasIT {

  private static final String QUOTA_EXCEEDED = "https://annals.dev/problems/quota-exceeded";

  static HttpResponse<String> setQuotas(String tenant, String streams, String bytes) {
    return Api.put(
        "/api/tenants/" + tenant + "/limits",
        "{\"requestsPerSecond\":null,\"principalRequestsPerSecond\":null,\"quotas\":{"
            + "\"maxStreams\":"
            + streams
            + ",\"maxStorageBytes\":"
            + bytes
            + ",\"maxSubscriptions\":null}}");
  }

  private static HttpResponse<String> append(String tenant, String stream, String data) {
    return Api.post(
        "/api/tenants/" + tenant + "/streams/" + stream + "/events",
        appendBody("\"any\"", event(UUID.randomUUID(), "Quota", data)));
  }

  private static void assertRefused(HttpResponse<String> r, String quota, long limit, long usage) {
    assertEquals(403, r.statusCode(), r.body());
    JsonObject problem = Api.json(r);
    assertEquals(QUOTA_EXCEEDED, problem.getString("type"));
    assertEquals(quota, problem.getString("quota"));
    assertEquals(limit, problem.getJsonNumber("limit").longValue(), r.body());
    assertEquals(usage, problem.getJsonNumber("usage").longValue(), r.body());
    assertTrue(problem.getString("detail").contains(quota), r.body());
  }

  private static JsonObject limits(String tenant) {
    return Api.json(Api.get("/api/tenants/" + tenant + "/limits"));
  }

  @Test
  void theStreamBeyondTheQuotaIsRefusedAndNothingIsStored() throws Exception {
    String tenant = Api.createTenant();
    HttpResponse<String> set = setQuotas(tenant, "3", "null");
    assertEquals(200, set.statusCode(), set.body());
    assertEquals(3, Api.json(set).getJsonObject("quotas").getInt("effectiveMaxStreams"));
    for (int i = 1; i <= 3; i++) {
      assertEquals(201, append(tenant, "s" + i, "{}").statusCode());
    }

    assertRefused(append(tenant, "s4", "{}"), "maxStreams", 3, 3);
    assertEquals(404, Api.get("/api/tenants/" + tenant + "/streams/s4/events?from=1").statusCode());
    assertEquals(3, Db.eventIds(tenant).size());
    assertEquals(201, append(tenant, "s1", "{}").statusCode(), "existing streams take events");

    JsonObject shown = limits(tenant);
    assertEquals(3, shown.getJsonObject("quotas").getInt("maxStreams"));
    assertEquals(3, shown.getJsonObject("usage").getInt("streams"));
    assertEquals(
        Db.storedBytes(tenant),
        shown.getJsonObject("usage").getJsonNumber("storageBytes").longValue());

    String other = Api.createTenant();
    for (int i = 1; i <= 5; i++) {
      assertEquals(201, append(other, "s" + i, "{}").statusCode(), "another tenant has no quota");
    }

    assertEquals(200, setQuotas(tenant, "0", "null").statusCode());
    assertEquals(201, append(tenant, "s4", "{}").statusCode(), "0: unlimited");
  }

  @Test
  void theAppendBeyondTheStorageQuotaIsRefusedAndNothingIsStored() throws Exception {
    String tenant = Api.createTenant();
    String data = "{\"pad\":\"" + "x".repeat(200) + "\"}";
    assertEquals(201, append(tenant, "bytes", data).statusCode());
    long one = Db.storedBytes(tenant);
    assertEquals(
        one, limits(tenant).getJsonObject("usage").getJsonNumber("storageBytes").longValue());
    assertTrue(one > 200, "data and metadata: " + one);

    // Events of one shape store the same number of bytes: the quota holds exactly two.
    assertEquals(200, setQuotas(tenant, "null", Long.toString(2 * one)).statusCode());
    assertEquals(201, append(tenant, "bytes", data).statusCode());
    assertRefused(append(tenant, "bytes", data), "maxStorageBytes", 2 * one, 2 * one);
    assertRefused(append(tenant, "elsewhere", "{}"), "maxStorageBytes", 2 * one, 2 * one);
    assertEquals(2, Db.eventIds(tenant).size());
    assertEquals(2 * one, Db.storedBytes(tenant));
    assertEquals(1, limits(tenant).getJsonObject("usage").getInt("streams"), "no stream created");
  }

  /** The quota holds exactly under concurrency: the appends of a tenant with one take turns. */
  @Test
  void concurrentAppendsNeverExceedTheQuotas() throws Exception {
    String tenant = Api.createTenant();
    assertEquals(200, setQuotas(tenant, "10", "null").statusCode());
    Map<Integer, Integer> statuses = concurrently(40, i -> append(tenant, "c" + i, "{}"));
    assertEquals(new TreeMap<>(Map.of(201, 10, 403, 30)), statuses);
    assertEquals(10, limits(tenant).getJsonObject("usage").getInt("streams"));
    assertEquals(10, Db.eventIds(tenant).size());

    String bytesTenant = Api.createTenant();
    assertEquals(201, append(bytesTenant, "b", "{}").statusCode());
    long one = Db.storedBytes(bytesTenant);
    assertEquals(200, setQuotas(bytesTenant, "null", Long.toString(7 * one)).statusCode());
    statuses = concurrently(30, i -> append(bytesTenant, "b" + (i % 3), "{}"));
    assertEquals(new TreeMap<>(Map.of(201, 6, 403, 24)), statuses);
    assertEquals(7 * one, Db.storedBytes(bytesTenant));
  }

  /**
   * A refused member of a group-commit batch is refused alone: another tenant's appends, sent at
   * the same time (so they share batches), all succeed.
   */
  @Test
  void aQuotaRefusalFailsNoOtherAppendOfItsBatch() throws Exception {
    String full = Api.createTenant();
    String quiet = Api.createTenant();
    assertEquals(200, setQuotas(full, "1", "null").statusCode());
    assertEquals(201, append(full, "only", "{}").statusCode());
    AtomicBoolean quietDone = new AtomicBoolean();
    Map<Integer, Integer> refused = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Future<?>> noise = new ArrayList<>();
      for (int n = 0; n < 2; n++) {
        noise.add(
            pool.submit(
                () -> {
                  while (!quietDone.get()) {
                    HttpResponse<String> r = append(full, "new-" + UUID.randomUUID(), "{}");
                    refused.merge(r.statusCode(), 1, Integer::sum);
                  }
                }));
      }
      List<Future<List<Integer>>> writers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        int writer = w;
        writers.add(
            pool.submit(
                () -> {
                  List<Integer> statuses = new ArrayList<>();
                  for (int i = 0; i < 30; i++) {
                    statuses.add(append(quiet, "calm-" + writer + "-" + i, "{}").statusCode());
                  }
                  return statuses;
                }));
      }
      List<Integer> quietStatuses = new ArrayList<>();
      for (Future<List<Integer>> w : writers) {
        quietStatuses.addAll(w.get());
      }
      quietDone.set(true);
      for (Future<?> f : noise) {
        f.get();
      }
      assertEquals(Collections.nCopies(240, 201), quietStatuses);
      assertEquals(240, Db.eventIds(quiet).size());
      assertEquals(Set.of(403), refused.keySet(), "the full tenant's appends: " + refused);
      assertEquals(1, Db.eventIds(full).size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void quotasAreValidatedKeptWhenAbsentAndAudited() {
    String tenant = Api.createTenant();
    String path = "/api/tenants/" + tenant + "/limits";
    String rates = "\"requestsPerSecond\":null,\"principalRequestsPerSecond\":null";
    for (String quotas :
        List.of(
            "{\"maxStreams\":-1,\"maxStorageBytes\":null,\"maxSubscriptions\":null}",
            "{\"maxStreams\":1.5,\"maxStorageBytes\":null,\"maxSubscriptions\":null}",
            "{\"maxStreams\":\"5\",\"maxStorageBytes\":null,\"maxSubscriptions\":null}",
            "{\"maxStreams\":5,\"maxStorageBytes\":null}",
            "{\"maxStreams\":5,\"maxStorageBytes\":null,\"maxSubscriptions\":null,\"x\":1}",
            "{\"maxStreams\":99999999999999999999,\"maxStorageBytes\":null,"
                + "\"maxSubscriptions\":null}",
            "[]")) {
      HttpResponse<String> r = Api.put(path, "{" + rates + ",\"quotas\":" + quotas + "}");
      assertEquals(400, r.statusCode(), quotas + " -> " + r.body());
      assertEquals(
          "https://annals.dev/problems/invalid-request", Api.json(r).getString("type"), quotas);
    }
    assertTrue(limits(tenant).getJsonObject("quotas").isNull("maxStreams"), "nothing changed");

    String set = "{\"maxStreams\":5,\"maxStorageBytes\":1000000,\"maxSubscriptions\":2}";
    assertEquals(200, Api.put(path, "{" + rates + ",\"quotas\":" + set + "}").statusCode());
    HttpResponse<String> ratesOnly =
        Api.put(path, "{\"requestsPerSecond\":50,\"principalRequestsPerSecond\":null}");
    assertEquals(200, ratesOnly.statusCode(), ratesOnly.body());
    JsonObject quotas = Api.json(ratesOnly).getJsonObject("quotas");
    assertEquals(5, quotas.getInt("maxStreams"), "kept without 'quotas'");
    assertEquals(1_000_000, quotas.getInt("effectiveMaxStorageBytes"));
    assertEquals(2, quotas.getInt("maxSubscriptions"));

    JsonObject page = Api.json(Api.get("/api/tenants/" + tenant + "/audit"));
    JsonObject changed =
        page.getJsonArray("records").getJsonObject(page.getJsonArray("records").size() - 2);
    assertEquals("tenant.limits-changed", changed.getString("action"));
    JsonObject recorded = changed.getJsonObject("detail").getJsonObject("quotas");
    assertEquals(5, recorded.getInt("maxStreams"));
    assertEquals(1_000_000, recorded.getInt("maxStorageBytes"));
    assertEquals(2, recorded.getInt("maxSubscriptions"));
    assertTrue(Api.json(Api.get("/api/tenants/" + tenant + "/audit/verify")).getBoolean("valid"));
  }

  private static Map<Integer, Integer> concurrently(
      int n, java.util.function.IntFunction<HttpResponse<String>> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        all.add(pool.submit(() -> call.apply(index).statusCode()));
      }
      Map<Integer, Integer> statuses = new TreeMap<>();
      for (Future<Integer> f : all) {
        statuses.merge(f.get(), 1, Integer::sum);
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
