package dev.annals.it.eventstore;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * One tenant's bad input never fails another tenant's appends: appends of every tenant share
 * group-commit batches, so a value the database cannot store must be refused on its own (400),
 * never take its batch down with it (the 503s this test was written against).
 */
class NoisyNeighbourIT {

  private static final int GOOD_APPENDS = 400;
  private static final int GOOD_WRITERS = 8;

  /** Every kind of bad value, each as a whole append body. */
  private static List<Supplier<HttpResponse<String>>> badAppends(String path) {
    List<String> data =
        List.of(
            "{\"x\":\"a\\u0000b\"}",
            "{\"k\\u0000\":1}",
            "[\"\\ud800\"]",
            "\"\\udfff tail\"",
            "1e131072",
            "[1e131071,1e131071,1e131071,1e131071,1e131071,1e131071,1e131071,1e131071]",
            "-1e309",
            "1e-400",
            "0." + "7".repeat(16384),
            "[".repeat(100_000) + "]".repeat(100_000),
            "[".repeat(101) + "]".repeat(101));
    List<Supplier<HttpResponse<String>>> bad = new ArrayList<>();
    for (String d : data) {
      String body = appendBody("\"any\"", event(UUID.randomUUID(), "Bad", d));
      bad.add(() -> Api.post(path, body));
    }
    String ok = event(UUID.randomUUID(), "Ok", "{}");
    bad.add(() -> Api.post(path, appendBody("\"any\"", ok) + " trailing"));
    bad.add(() -> Api.post(path, "{\"events\":[" + ok + "],\"events\":[" + ok + "]}"));
    byte[] invalidUtf8 =
        ("{\"events\":[{\"type\":\"A\",\"data\":\"\u00ff\"}]}")
            .getBytes(StandardCharsets.ISO_8859_1);
    bad.add(() -> Api.postBytes(path, invalidUtf8));
    return bad;
  }

  @Test
  void aTenantSendingBadInputInALoopFailsNoAppendOfAnother() throws Exception {
    String noisy = Api.createTenant();
    String quiet = Api.createTenant();
    List<Supplier<HttpResponse<String>>> bad =
        badAppends("/api/tenants/" + noisy + "/streams/noise-1/events");
    AtomicBoolean quietDone = new AtomicBoolean();
    Map<Integer, Integer> noisyStatuses = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(GOOD_WRITERS + 2);
    try {
      List<Future<Integer>> noise = new ArrayList<>();
      for (int n = 0; n < 2; n++) {
        noise.add(
            pool.submit(
                () -> {
                  int sent = 0;
                  while (!quietDone.get() || sent < bad.size()) {
                    HttpResponse<String> r = bad.get(sent % bad.size()).get();
                    noisyStatuses.merge(r.statusCode(), 1, Integer::sum);
                    sent++;
                  }
                  return sent;
                }));
      }
      List<Future<List<Integer>>> writers = new ArrayList<>();
      for (int w = 0; w < GOOD_WRITERS; w++) {
        String path = "/api/tenants/" + quiet + "/streams/calm-" + w + "/events";
        writers.add(
            pool.submit(
                () -> {
                  List<Integer> statuses = new ArrayList<>();
                  for (int i = 0; i < GOOD_APPENDS / GOOD_WRITERS; i++) {
                    statuses.add(
                        Api.post(
                                path, appendBody("\"any\"", event(UUID.randomUUID(), "Calm", "{}")))
                            .statusCode());
                  }
                  return statuses;
                }));
      }
      List<Integer> quietStatuses = new ArrayList<>();
      for (Future<List<Integer>> w : writers) {
        quietStatuses.addAll(w.get());
      }
      quietDone.set(true);
      int noisySent = 0;
      for (Future<Integer> f : noise) {
        noisySent += f.get();
      }

      assertEquals(Collections.nCopies(GOOD_APPENDS, 201), quietStatuses);
      assertEquals(GOOD_APPENDS, Db.eventIds(quiet).size());
      assertTrue(noisySent >= bad.size(), "every bad kind was sent at least once");
      assertEquals(new TreeMap<>(Map.of(400, noisySent)), new TreeMap<>(noisyStatuses));
      assertEquals(0, Db.eventIds(noisy).size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void whatAReadReturnsStaysWithinTheAppendLimit() throws Exception {
    String tenant = Api.createTenant();
    String path = "/api/tenants/" + tenant + "/streams/big-numbers/events";
    // Numbers as large as a double allows read back in plain notation: 1e308 is 309 digits.
    String body =
        appendBody(
            "\"no_stream\"",
            event(
                UUID.randomUUID(),
                "Numbers",
                "[" + String.join(",", Collections.nCopies(8, "1e308")) + "]"));
    assertEquals(201, Api.post(path, body).statusCode());
    HttpResponse<String> read = Api.get(path + "?from=1");
    assertEquals(200, read.statusCode());
    int sent = body.getBytes(StandardCharsets.UTF_8).length;
    int returned = read.body().getBytes(StandardCharsets.UTF_8).length;
    assertTrue(returned < 32 * sent, returned + " bytes read for " + sent + " sent");

    // A body of such numbers that would read back as more than the append limit is refused.
    String many = "[" + String.join(",", Collections.nCopies(20_000, "1e308")) + "]";
    HttpResponse<String> tooBig =
        Api.post(path, appendBody("\"any\"", event(UUID.randomUUID(), "Numbers", many)));
    assertEquals(413, tooBig.statusCode(), tooBig.body());
    assertTrue(Api.json(tooBig).getString("detail").contains("as stored and read back"));
    assertEquals(1, Db.eventIds(tenant).size());
  }
}
