package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.SubscriptionsApi.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A lock held by one tenant's open transaction (an in-process caller's JTA transaction that
 * appended and has not committed) never stalls another tenant's HTTP appends: the appends that wait
 * for it leave their group-commit batches, which commit without them, and wait alone. Before, as
 * many waiting appends as commit workers held every worker, and every tenant's appends with them,
 * until the lock was released. Once it is, the waiting appends go through.
 */
class HeldLockIsolationIT {

  @Test
  void aTenantsHeldStreamLockHoldsUpNoOtherTenantsAppends() throws Exception {
    String holder = Api.createTenant();
    String other = Api.createTenant();
    String stream = "held-" + UUID.randomUUID();
    List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
    try (Connection held = Db.openAppend(holder, stream, UUID.randomUUID().toString())) {
      // One waiting append more than the commit workers (2 by default), each queued only once the
      // one before waits for the lock, so each can hold up a worker of its own.
      for (int i = 1; i <= 3; i++) {
        waiting.add(CompletableFuture.supplyAsync(() -> append(holder, stream)));
        int waiters = i;
        await(
            "append " + i + " waiting for the held lock",
            HeldLockIsolationIT::lockWaits,
            n -> n >= waiters);
      }
      for (int i = 0; i < 20; i++) {
        HttpResponse<String> r = append(other, "free-" + i);
        assertEquals(201, r.statusCode(), r.body());
      }
      held.commit();
    }
    for (CompletableFuture<HttpResponse<String>> w : waiting) {
      HttpResponse<String> r = w.get(120, TimeUnit.SECONDS);
      assertEquals(201, r.statusCode(), r.body());
    }
    assertEquals(4, Db.versions(holder, stream).size(), "the held append and the three waiting");
  }

  private static HttpResponse<String> append(String tenant, String stream) {
    return Api.post(
        "/api/tenants/" + tenant + "/streams/" + stream + "/events",
        Api.appendBody("\"any\"", Api.event(UUID.randomUUID(), "Noted", "{}")));
  }

  /** Backends of the whole cluster waiting for a lock (pg_locks is readable by every role). */
  private static int lockWaits() {
    try {
      return Integer.parseInt(
          Db.platformColumn("SELECT count(*) FROM pg_locks WHERE NOT granted").get(0));
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }
}
