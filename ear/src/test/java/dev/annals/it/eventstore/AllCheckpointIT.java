package dev.annals.it.eventstore;

import static dev.annals.it.Api.appendBody;
import static dev.annals.it.Api.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The skipped-event trap: a transaction takes a global position, later transactions commit with
 * higher positions, and a reader that pages by position alone moves past the open one for good.
 */
class AllCheckpointIT {

  @Test
  void readerDoesNotPassAnOpenTransactionsEventAndSeesItOnceItCommits() throws Exception {
    String tenant = Api.createTenant();
    String held = UUID.randomUUID().toString();
    List<String> later;
    String checkpoint;
    try (Connection open = Db.openAppend(tenant, "held", held)) {
      later = appendThreeEvents(tenant);

      JsonObject page = all(tenant, null);
      assertEquals(List.of(), ids(page), "nothing may be returned past the open transaction");
      checkpoint = page.isNull("checkpoint") ? null : page.getString("checkpoint");

      open.commit();
    }
    JsonObject afterCommit = all(tenant, checkpoint);
    assertEquals(
        held, ids(afterCommit).get(0), "the held event comes first: its transaction is older");
    assertEquals(later, ids(afterCommit).subList(1, 4));
  }

  @Test
  void readerMovesOnWhenTheOpenTransactionRollsBack() throws Exception {
    String tenant = Api.createTenant();
    List<String> later;
    try (Connection open = Db.openAppend(tenant, "held", UUID.randomUUID().toString())) {
      later = appendThreeEvents(tenant);
      assertEquals(List.of(), ids(all(tenant, null)));
      open.rollback();
    }
    assertEquals(later, ids(all(tenant, null)));
  }

  @Test
  void eachEventsPositionContinuesRightAfterIt() throws Exception {
    String tenant = Api.createTenant();
    List<String> stored = appendThreeEvents(tenant);
    JsonObject first = all(tenant, null);
    String positionOfFirst = first.getJsonArray("events").getJsonObject(0).getString("position");

    assertEquals(stored.subList(1, 3), ids(all(tenant, positionOfFirst)));
  }

  private static List<String> appendThreeEvents(String tenant) {
    List<String> ids = List.of(uuid(), uuid(), uuid());
    for (String id : ids) {
      String body = appendBody("\"any\"", event(UUID.fromString(id), "Later", "{}"));
      assertEquals(
          201,
          Api.post("/api/tenants/" + tenant + "/streams/later-" + id + "/events", body)
              .statusCode());
    }
    return ids;
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }

  static JsonObject all(String tenant, String after) {
    return all(tenant, after, 100);
  }

  static JsonObject all(String tenant, String after, int limit) {
    String query = "?limit=" + limit + (after == null ? "" : "&after=" + after);
    var response = Api.get("/api/tenants/" + tenant + "/events" + query);
    assertEquals(200, response.statusCode(), response.body());
    return Api.json(response);
  }

  static List<String> ids(JsonObject page) {
    return page.getJsonArray("events").stream()
        .map(JsonValue::asJsonObject)
        .map(e -> e.getString("eventId"))
        .toList();
  }
}
