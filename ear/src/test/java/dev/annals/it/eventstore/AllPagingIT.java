package dev.annals.it.eventstore;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Many writers commit out of order (HTTP appends, plus raw transactions that hold their position
 * open for a while) while a pager follows $all page by page.
 */
class AllPagingIT {

  private static final int HTTP_WRITERS = 4;
  private static final int APPENDS_EACH = 25;
  private static final int SLOW_APPENDS = 20;
  private static final List<String> CHECKPOINTS = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  void pagerSeesEveryCommittedEventExactlyOnceInCheckpointOrder() throws Exception {
    String tenant = Api.createTenant();
    ExecutorService pool = Executors.newFixedThreadPool(HTTP_WRITERS + 2);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < HTTP_WRITERS; w++) {
        writers.add(pool.submit(() -> httpWriter(tenant)));
      }
      writers.add(pool.submit(() -> slowWriter(tenant)));
      Future<List<JsonObject>> pager = pool.submit(() -> page(tenant, writing));

      for (Future<?> w : writers) {
        w.get(5, TimeUnit.MINUTES);
      }
      writing.set(false);
      List<JsonObject> seen = pager.get(5, TimeUnit.MINUTES);

      List<String> seenIds = seen.stream().map(e -> e.getString("eventId")).toList();
      assertEquals(seenIds.size(), new HashSet<>(seenIds).size(), "no event may be seen twice");
      List<String> stored = Db.eventIds(tenant);
      List<String> missed = stored.stream().filter(id -> !seenIds.contains(id)).toList();
      assertEquals(
          List.of(),
          missed,
          () ->
              "every committed event is seen; missed "
                  + Db.positions(tenant, missed)
                  + " pages "
                  + CHECKPOINTS);
      assertEquals(stored.size(), seenIds.size());
      assertEquals(Db.eventIds(tenant), seenIds, "seen in checkpoint order");
      long[] previous = {-1, -1};
      for (JsonObject e : seen) {
        String[] parts = e.getString("position").split("-");
        long tx = Long.parseLong(parts[0]);
        long pos = Long.parseLong(parts[1]);
        assertTrue(
            tx > previous[0] || (tx == previous[0] && pos > previous[1]), "strictly ascending");
        previous[0] = tx;
        previous[1] = pos;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Void httpWriter(String tenant) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < APPENDS_EACH; i++) {
      String stream = "s-" + random.nextInt(5);
      List<String> events = new ArrayList<>();
      for (int n = 0; n <= random.nextInt(3); n++) {
        events.add(event(UUID.randomUUID(), "Written", "{\"n\":" + n + "}"));
      }
      var response =
          Api.post(
              "/api/tenants/" + tenant + "/streams/" + stream + "/events",
              appendBody("\"any\"", events.toArray(String[]::new)));
      assertEquals(201, response.statusCode(), response.body());
    }
    return null;
  }

  /** Raw transactions that take a position, wait, then commit: later positions overtake them. */
  private static Void slowWriter(String tenant) throws Exception {
    for (int i = 0; i < SLOW_APPENDS; i++) {
      try (Connection c = Db.openAppend(tenant, "slow-" + i, UUID.randomUUID().toString())) {
        Thread.sleep(ThreadLocalRandom.current().nextInt(5, 60));
        c.commit();
      }
    }
    return null;
  }

  private static List<JsonObject> page(String tenant, AtomicBoolean writing) throws Exception {
    List<JsonObject> seen = new ArrayList<>();
    String after = null;
    boolean drained = false;
    while (!drained) {
      boolean lastRound = !writing.get();
      String query = "?limit=7" + (after == null ? "" : "&after=" + after);
      var response = Api.get("/api/tenants/" + tenant + "/events" + query);
      assertEquals(200, response.statusCode(), response.body());
      JsonObject page = Api.json(response);
      page.getJsonArray("events").stream().map(JsonValue::asJsonObject).forEach(seen::add);
      after = page.getString("checkpoint");
      CHECKPOINTS.add(after + "/" + page.getJsonArray("events").size());
      if (page.getJsonArray("events").isEmpty()) {
        drained = lastRound;
        Thread.sleep(20);
      }
    }
    return seen;
  }
}
