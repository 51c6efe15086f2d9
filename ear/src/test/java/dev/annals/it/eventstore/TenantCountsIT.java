package dev.annals.it.eventstore;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A tenant's stream and event counts are kept by the appends themselves (not counted per request):
 * exact under concurrent group-committed appends, unchanged by resends and refused appends.
 */
class TenantCountsIT {

  @Test
  void countsFollowEveryStoredAppendAndNothingElse() throws Exception {
    String tenant = Api.createTenant();
    JsonObject fresh = Api.json(Api.get("/api/tenants/" + tenant));
    assertEquals(0, fresh.getJsonNumber("streams").longValue());
    assertEquals(0, fresh.getJsonNumber("events").longValue());

    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> stored = new ArrayList<>();
    try {
      for (int i = 0; i < 60; i++) {
        int stream = i % 5;
        int events = 1 + i % 3;
        stored.add(
            pool.submit(
                () -> {
                  String[] batch = new String[events];
                  for (int e = 0; e < events; e++) {
                    batch[e] = event(UUID.randomUUID(), "Counted", "{}");
                  }
                  int status =
                      Api.post(
                              "/api/tenants/" + tenant + "/streams/count-" + stream + "/events",
                              appendBody("\"any\"", batch))
                          .statusCode();
                  assertEquals(201, status);
                  return events;
                }));
      }
      int total = 0;
      for (Future<Integer> f : stored) {
        total += f.get();
      }
      String path = "/api/tenants/" + tenant + "/streams/count-0/events";
      String resend = appendBody("\"any\"", event(UUID.randomUUID(), "Again", "{}"));
      assertEquals(201, Api.post(path, resend).statusCode());
      assertEquals(200, Api.post(path, resend).statusCode());
      assertEquals(
          409,
          Api.post(path, appendBody("\"no_stream\"", event(UUID.randomUUID(), "Late", "{}")))
              .statusCode());
      total += 1;

      JsonObject view = Api.json(Api.get("/api/tenants/" + tenant));
      assertEquals(5, view.getJsonNumber("streams").longValue());
      assertEquals(total, view.getJsonNumber("events").longValue());
      assertEquals(total, Db.eventIds(tenant).size());
    } finally {
      pool.shutdownNow();
    }
  }
}
