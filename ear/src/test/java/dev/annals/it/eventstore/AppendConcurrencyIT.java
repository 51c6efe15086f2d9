package dev.annals.it.eventstore;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AppendConcurrencyIT {

  private static final int RACERS = 16;

  @Test
  void concurrentAppendsWithTheSameExpectedVersionLetExactlyOneWin() throws Exception {
    String tenant = Api.createTenant();
    String path = "/api/tenants/" + tenant + "/streams/race-1/events";
    assertEquals(
        201,
        Api.post(path, appendBody("\"no_stream\"", event(UUID.randomUUID(), "Opened", "{}")))
            .statusCode());

    List<HttpResponse<String>> responses =
        race(() -> Api.post(path, appendBody("1", event(UUID.randomUUID(), "Raced", "{}"))));

    assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count());
    List<HttpResponse<String>> losers =
        responses.stream().filter(r -> r.statusCode() != 201).toList();
    assertEquals(RACERS - 1, losers.size());
    for (HttpResponse<String> r : losers) {
      assertEquals(409, r.statusCode(), r.body());
      assertEquals(2, Api.json(r).getInt("currentVersion"));
      assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
    }
    assertEquals(List.of(1L, 2L), Db.versions(tenant, "race-1"));
  }

  @Test
  void concurrentCreatorsOfOneStreamLetExactlyOneWin() throws Exception {
    String tenant = Api.createTenant();
    String path = "/api/tenants/" + tenant + "/streams/race-2/events";

    List<HttpResponse<String>> responses =
        race(
            () ->
                Api.post(
                    path, appendBody("\"no_stream\"", event(UUID.randomUUID(), "Opened", "{}"))));

    assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count());
    assertEquals(RACERS - 1, responses.stream().filter(r -> r.statusCode() == 409).count());
    assertEquals(List.of(1L), Db.versions(tenant, "race-2"));
  }

  @Test
  void concurrentAnyAppendsLeaveNoHoles() throws Exception {
    String tenant = Api.createTenant();
    String path = "/api/tenants/" + tenant + "/streams/busy/events";

    List<HttpResponse<String>> responses =
        race(
            () ->
                Api.post(
                    path,
                    appendBody(
                        "\"any\"",
                        event(UUID.randomUUID(), "A", "1"),
                        event(UUID.randomUUID(), "B", "2"))));

    responses.forEach(r -> assertEquals(201, r.statusCode(), r.body()));
    assertEquals(
        LongStream.rangeClosed(1, 2L * RACERS).boxed().toList(), Db.versions(tenant, "busy"));
  }

  /** Runs {@code call} RACERS times at once and returns every outcome. */
  static <T> List<T> race(Callable<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < RACERS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
