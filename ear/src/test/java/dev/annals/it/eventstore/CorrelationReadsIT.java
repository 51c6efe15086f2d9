package dev.annals.it.eventstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** All events of one causal chain, in $all order, paged without skips, and only the tenant's. */
class CorrelationReadsIT {

  @Test
  void returnsExactlyTheChainsEventsInAllOrderAcrossStreamsAndPages() {
    String tenant = Api.createTenant();
    String chain = "chain-" + UUID.randomUUID();
    String other = "other-" + UUID.randomUUID();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      expected.add(append(tenant, "order-" + (i % 3), chain));
      append(tenant, "order-" + (i % 3), other);
    }

    assertEquals(expected, ids(page(tenant, chain, null, 100)));
    List<String> paged = new ArrayList<>();
    String after = null;
    while (true) {
      JsonObject page = page(tenant, chain, after, 2);
      if (page.getJsonArray("events").isEmpty()) {
        assertEquals(after, page.getString("checkpoint"), "an empty page keeps the checkpoint");
        break;
      }
      paged.addAll(ids(page));
      after = page.getString("checkpoint");
    }
    assertEquals(expected, paged);
    assertEquals(List.of(), ids(page(tenant, "never-used-" + UUID.randomUUID(), null, 10)));
  }

  @Test
  void holdsBackEventsBehindAnOpenTransactionAndSkipsNoneOnceItCommits() throws Exception {
    String tenant = Api.createTenant();
    String chain = "held-" + UUID.randomUUID();
    String early = append(tenant, "a", chain);
    String heldId = UUID.randomUUID().toString();
    CompletableFuture<String> later;
    JsonObject first;
    try (Connection held = Db.openAppend(tenant, "held-stream", heldId, chain)) {
      // Appended after the held transaction took its id. It may commit at once (then it waits in
      // $all order behind the held one) or wait for the held transaction's locks (the tenant's
      // counter row it shares one time in 16): either way, the page cannot show it yet.
      later = CompletableFuture.supplyAsync(() -> append(tenant, "b", chain));
      first = page(tenant, chain, null, 100);
      assertEquals(List.of(early), ids(first), "events behind an open transaction wait for it");
      held.commit();
    }
    String laterId = later.get(60, TimeUnit.SECONDS);
    JsonObject rest = page(tenant, chain, first.getString("checkpoint"), 100);
    assertEquals(List.of(heldId, laterId), ids(rest));
  }

  @Test
  void anotherTenantsChainIsInvisibleAndBadInputIsRefused() {
    String tenant = Api.createTenant();
    String neighbour = Api.createTenant();
    String chain = "shared-name-" + UUID.randomUUID();
    String mine = append(tenant, "s", chain);
    append(neighbour, "s", chain);
    assertEquals(List.of(mine), ids(page(tenant, chain, null, 100)));

    HttpResponse<String> badAfter = get(tenant, chain, "?after=not-a-checkpoint");
    assertEquals(400, badAfter.statusCode(), badAfter.body());
    assertEquals(
        "https://annals.dev/problems/invalid-request", Api.json(badAfter).getString("type"));
    HttpResponse<String> tooLong = get(tenant, "x".repeat(201), "");
    assertEquals(400, tooLong.statusCode(), tooLong.body());
    HttpResponse<String> badLimit = get(tenant, chain, "?limit=0");
    assertEquals(400, badLimit.statusCode(), badLimit.body());
    HttpResponse<String> unknownTenant = get(Api.newTenantId(), chain, "");
    assertEquals(404, unknownTenant.statusCode(), unknownTenant.body());
  }

  private static String append(String tenant, String stream, String correlationId) {
    String id = UUID.randomUUID().toString();
    HttpResponse<String> r =
        Api.post(
            "/api/tenants/" + tenant + "/streams/" + stream + "/events",
            "{\"events\":[{\"eventId\":\""
                + id
                + "\",\"type\":\"Linked\",\"data\":{},\"metadata\":{\"correlationId\":\""
                + correlationId
                + "\"}}]}");
    assertEquals(201, r.statusCode(), r.body());
    return id;
  }

  private static HttpResponse<String> get(String tenant, String chain, String query) {
    return Api.get("/api/tenants/" + tenant + "/correlations/" + chain + "/events" + query);
  }

  private static JsonObject page(String tenant, String chain, String after, int limit) {
    HttpResponse<String> r =
        get(tenant, chain, "?limit=" + limit + (after == null ? "" : "&after=" + after));
    assertEquals(200, r.statusCode(), r.body());
    return Api.json(r);
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("events").stream()
        .map(e -> e.asJsonObject().getString("eventId"))
        .toList();
  }
}
