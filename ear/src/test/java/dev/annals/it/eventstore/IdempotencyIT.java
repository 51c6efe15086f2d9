package dev.annals.it.eventstore;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdempotencyIT {

  @Test
  void identicalResendIsStoredOnceAndAnswersTheOriginalResult() throws Exception {
    String tenant = Api.createTenant();
    String path = "/api/tenants/" + tenant + "/streams/order-7/events";
    String body =
        appendBody(
            "\"no_stream\"",
            event(UUID.randomUUID(), "OrderPlaced", "{\"total\":5}"),
            event(UUID.randomUUID(), "OrderPaid", "{}"));

    HttpResponse<String> first = Api.post(path, body);
    HttpResponse<String> again = Api.post(path, body);

    assertEquals(201, first.statusCode(), first.body());
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(Api.json(first), Api.json(again));
    assertEquals(2, Db.eventIds(tenant).size());
  }

  @Test
  void concurrentIdenticalAppendsStoreOneCopy() throws Exception {
    String tenant = Api.createTenant();
    String path = "/api/tenants/" + tenant + "/streams/order-8/events";
    String body =
        appendBody(
            "\"any\"", event(UUID.randomUUID(), "A", "1"), event(UUID.randomUUID(), "B", "2"));

    List<HttpResponse<String>> responses = AppendConcurrencyIT.race(() -> Api.post(path, body));

    assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count());
    assertTrue(
        responses.stream().allMatch(r -> r.statusCode() == 201 || r.statusCode() == 200),
        () -> responses.stream().map(r -> r.statusCode() + " " + r.body()).toList().toString());
    JsonObject original = Api.json(responses.get(0));
    responses.forEach(r -> assertEquals(original, Api.json(r)));
    assertEquals(List.of(1L, 2L), Db.versions(tenant, "order-8"));
  }

  @Test
  void resendAnswersTheSameEvenAfterLaterAppendsAndWithAStaleExpectedVersion() throws Exception {
    String tenant = Api.createTenant();
    String path = "/api/tenants/" + tenant + "/streams/order-9/events";
    String body = appendBody("0", event(UUID.randomUUID(), "A", "1"));
    HttpResponse<String> first = Api.post(path, body);
    Api.post(path, appendBody("1", event(UUID.randomUUID(), "B", "2")));

    HttpResponse<String> again = Api.post(path, body);

    assertEquals(200, again.statusCode(), again.body());
    assertEquals(Api.json(first), Api.json(again));
  }

  @Test
  void storedIdsInAnotherStreamOrderOrMixedWithNewOnesConflict() throws Exception {
    String tenant = Api.createTenant();
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    String base = "/api/tenants/" + tenant + "/streams/";
    assertEquals(
        201,
        Api.post(base + "s1/events", appendBody("\"any\"", event(a, "A", "1"), event(b, "B", "2")))
            .statusCode());

    HttpResponse<String> otherStream =
        Api.post(base + "s2/events", appendBody("\"any\"", event(a, "A", "1"), event(b, "B", "2")));
    HttpResponse<String> otherOrder =
        Api.post(base + "s1/events", appendBody("\"any\"", event(b, "B", "2"), event(a, "A", "1")));
    HttpResponse<String> mixed =
        Api.post(
            base + "s1/events",
            appendBody("\"any\"", event(a, "A", "1"), event(UUID.randomUUID(), "C", "3")));
    HttpResponse<String> part =
        Api.post(base + "s1/events", appendBody("\"any\"", event(a, "A", "1")));

    UUID c = UUID.randomUUID();
    UUID d = UUID.randomUUID();
    assertEquals(
        201, Api.post(base + "s3/events", appendBody("\"any\"", event(c, "C", "3"))).statusCode());
    assertEquals(
        201, Api.post(base + "s3/events", appendBody("\"any\"", event(d, "D", "4"))).statusCode());
    HttpResponse<String> twoAsOne =
        Api.post(base + "s3/events", appendBody("\"any\"", event(c, "C", "3"), event(d, "D", "4")));

    for (HttpResponse<String> r : List.of(otherStream, otherOrder, mixed, part, twoAsOne)) {
      assertEquals(409, r.statusCode(), r.body());
      assertTrue(Api.json(r).getString("type").endsWith("/event-id-conflict"), r.body());
    }
    assertEquals(4, Db.eventIds(tenant).size());
  }
}
