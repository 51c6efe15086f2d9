package dev.annals.it;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.devservices.DevServicesProcess;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL restart is a normal day: while writers and readers run, the tests' PostgreSQL is
 * restarted; no request answers 500, every 503 says when to retry, nothing acknowledged is lost,
 * and once PostgreSQL is back no request fails because of the restart — whichever pool it uses
 * (runtime, group commit, tenancy, owner, a database-mode tenant's own).
 */
class PostgresRestartIT {

  private static final int WRITERS = 6;

  @Test
  void aRestartUnderLoadLosesNothingAndAnswersNo500() throws Exception {
    List<String> tenants =
        List.of(
            Api.createTenant("shared"), Api.createTenant("schema"), Api.createTenant("database"));
    for (String t : tenants) {
      usesEveryPath(t); // fills every pool with connections that the restart will break
    }
    Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<String> problems = new ArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
    List<Future<?>> load = new ArrayList<>();
    try {
      for (int w = 0; w < WRITERS; w++) {
        String tenant = tenants.get(w % tenants.size());
        String path = "/api/tenants/" + tenant + "/streams/restart-" + w + "/events";
        load.add(
            pool.submit(
                () -> {
                  while (!stop.get()) {
                    UUID id = UUID.randomUUID();
                    String body = appendBody("\"any\"", event(id, "Survived", "{}"));
                    HttpResponse<String> r = Api.post(path, body);
                    // A 503 is retried with the same id, as clients are told to.
                    while (r.statusCode() == 503 && !stop.get()) {
                      check(r, problems);
                      statuses.merge(503, 1, Integer::sum);
                      r = Api.post(path, body);
                    }
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    check(r, problems);
                    if (r.statusCode() == 201 || r.statusCode() == 200) {
                      acknowledged
                          .computeIfAbsent(tenant, k -> ConcurrentHashMap.newKeySet())
                          .add(id.toString());
                    }
                  }
                  return null;
                }));
      }
      load.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  for (String t : tenants) {
                    for (HttpResponse<String> r :
                        List.of(
                            Api.get("/api/tenants/" + t + "/events?limit=20"),
                            Api.get("/api/tenants/" + t + "/streams/paths-1/events?from=1&limit=5"),
                            Api.get("/api/tenants/" + t))) {
                      statuses.merge(r.statusCode(), 1, Integer::sum);
                      check(r, problems);
                    }
                  }
                }
                return null;
              }));

      awaitAcknowledged(acknowledged, 30);
      restartPostgres();
      int before = total(acknowledged);
      awaitAcknowledged(acknowledged, before + 60);
    } finally {
      stop.set(true);
      for (Future<?> f : load) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdownNow();
    }

    assertEquals(List.of(), problems);
    for (String t : tenants) {
      Set<String> stored = new HashSet<>(Db.eventIds(t));
      Set<String> lost = new HashSet<>(acknowledged.getOrDefault(t, Set.of()));
      lost.removeAll(stored);
      assertEquals(Set.of(), lost, "acknowledged but not stored in " + t);
    }
    assertTrue(
        statuses.keySet().stream().allMatch(s -> s == 200 || s == 201 || s == 503),
        new TreeMap<>(statuses).toString());

    // PostgreSQL is back: the very next request on every path succeeds, nothing left to retry.
    for (String t : tenants) {
      usesEveryPath(t);
    }
  }

  /** Appends, reads a stream, $all and the tenant, and creates a tenant: every pool once. */
  private static void usesEveryPath(String tenant) {
    String path = "/api/tenants/" + tenant + "/streams/paths-1/events";
    HttpResponse<String> append =
        Api.post(path, appendBody("\"any\"", event(UUID.randomUUID(), "Path", "{}")));
    assertEquals(201, append.statusCode(), append.body());
    for (String read :
        List.of(path + "?from=1", "/api/tenants/" + tenant + "/events", "/api/tenants/" + tenant)) {
      HttpResponse<String> r = Api.get(read);
      assertEquals(200, r.statusCode(), read + ": " + r.body());
    }
    Api.createTenant("schema");
  }

  private static void check(HttpResponse<String> r, List<String> problems) {
    int s = r.statusCode();
    if (s >= 500 && s != 503) {
      synchronized (problems) {
        problems.add(s + " " + r.uri() + ": " + r.body());
      }
    }
    if (s == 503 && r.headers().firstValue("Retry-After").isEmpty()) {
      synchronized (problems) {
        problems.add("503 without Retry-After: " + r.body());
      }
    }
    if (s == 503 && r.body().matches("(?s).*(SELECT|INSERT|DSRA|terminating connection).*")) {
      synchronized (problems) {
        problems.add("503 carries database text: " + r.body());
      }
    }
  }

  private static int total(Map<String, Set<String>> acknowledged) {
    return acknowledged.values().stream().mapToInt(Set::size).sum();
  }

  private static void awaitAcknowledged(Map<String, Set<String>> acknowledged, int atLeast)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (total(acknowledged) < atLeast) {
      assertTrue(System.nanoTime() < deadline, "appends stalled at " + total(acknowledged));
      Thread.sleep(50);
    }
  }

  /**
   * Restarts the tests' PostgreSQL: the embedded services stop it (every connection dropped) and
   * start it again on the same data and port, and delete the request once it accepts connections.
   */
  private static void restartPostgres() throws Exception {
    Path request =
        Path.of(System.getProperty("annals.it.servicesDir"))
            .resolve(DevServicesProcess.RESTART_REQUEST);
    Files.createFile(request);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (Files.exists(request)) {
      assertTrue(System.nanoTime() < deadline, "PostgreSQL did not restart");
      Thread.sleep(50);
    }
  }
}
