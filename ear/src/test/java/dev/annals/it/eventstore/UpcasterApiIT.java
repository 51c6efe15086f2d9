package dev.annals.it.eventstore;

import static dev.annals.it.eventstore.Upcasts.TYPE;
import static dev.annals.it.eventstore.Upcasts.V1;
import static dev.annals.it.eventstore.Upcasts.event;
import static dev.annals.it.eventstore.Upcasts.events;
import static dev.annals.it.eventstore.Upcasts.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Declarative upcasters over HTTP, in the suite's isolation mode: put, replace, list, delete (each
 * audited, each applied to the next read), and every invalid definition refused with a 400 naming
 * the place at fault, storing nothing.
 */
class UpcasterApiIT {

  private static final String INVALID = "https://annals.dev/problems/invalid-request";

  @Test
  void putListReplaceAndDeleteApplyToTheNextRead() throws Exception {
    String tenant = Api.createTenant();
    String stream = "api-" + UUID.randomUUID();
    Upcasts.append(tenant, stream, "c-" + UUID.randomUUID(), event(TYPE, 2, "{\"a\":1}"));
    String read = "/api/tenants/" + tenant + "/streams/" + stream + "/events";
    assertEquals(json("{\"a\":1}"), events(Api.get(read)).get(0).getJsonObject("data"));

    HttpResponse<String> put =
        Upcasts.put(tenant, TYPE, 2, "[{\"rename\":{\"from\":\"/a\",\"to\":\"/b\"}}]");
    assertEquals(200, put.statusCode(), put.body());
    JsonObject view = Api.json(put);
    assertEquals(TYPE, view.getString("eventType"));
    assertEquals(2, view.getInt("fromVersion"));
    assertEquals(3, view.getInt("toVersion"));
    assertEquals(
        "/b",
        view.getJsonArray("operations").getJsonObject(0).getJsonObject("rename").getString("to"));
    JsonObject lifted = events(Api.get(read)).get(0);
    assertEquals(json("{\"b\":1}"), lifted.getJsonObject("data"));
    assertEquals(3, lifted.getInt("schemaVersion"));

    assertEquals(
        200,
        Upcasts.put(tenant, TYPE, 2, "[{\"rename\":{\"from\":\"/a\",\"to\":\"/c\"}}]")
            .statusCode());
    assertEquals(200, Upcasts.put(tenant, "Another", 5, "[{\"remove\":\"/x\"}]").statusCode());
    assertEquals(json("{\"c\":1}"), events(Api.get(read)).get(0).getJsonObject("data"), "replaced");
    HttpResponse<String> list = Api.get(Upcasts.base(tenant));
    assertEquals(200, list.statusCode(), list.body());
    List<String> listed =
        Api.json(list).getJsonArray("upcasters").stream()
            .map(
                v ->
                    v.asJsonObject().getString("eventType")
                        + "@"
                        + v.asJsonObject().getInt("fromVersion"))
            .toList();
    assertEquals(List.of("Another@5", TYPE + "@2"), listed);

    assertEquals(204, Api.delete(Upcasts.base(tenant) + "/" + TYPE + "/2").statusCode());
    assertEquals(json("{\"a\":1}"), events(Api.get(read)).get(0).getJsonObject("data"));
    HttpResponse<String> again = Api.delete(Upcasts.base(tenant) + "/" + TYPE + "/2");
    assertEquals(404, again.statusCode(), again.body());
    assertEquals("https://annals.dev/problems/not-found", Api.json(again).getString("type"));

    assertEquals(
        List.of("upcaster.put", "upcaster.put", "upcaster.deleted"),
        Db.platformColumn(
            "SELECT action FROM annals.audit_records WHERE chain = 'tenant:' || ? AND target = ?"
                + " ORDER BY seq",
            tenant,
            TYPE + "/2"));
  }

  @Test
  void invalidDefinitionsAreRefusedNamingThePlaceAndStoreNothing() {
    String tenant = Api.createTenant();
    List<String[]> cases =
        List.of(
            new String[] {"[]", "'operations' must hold 1 to 100"},
            new String[] {"{}", "'operations' is required and must be an array"},
            new String[] {"[{\"copy\":{}}]", "operations[0] names an unknown operation"},
            new String[] {
              "[{\"remove\":\"/a\"},{\"move\":{\"from\":\"/a\",\"to\":\"b\"}}]",
              "operations[1].move.to must be a JSON Pointer"
            },
            new String[] {
              "[{\"rename\":{\"from\":\"/a\",\"to\":\"/x/b\"}}]", "operations[0].rename renames"
            },
            new String[] {"[{\"add\":{\"path\":\"/a\"}}]", "operations[0].add must be an object"},
            new String[] {"[{\"renameType\":\"no spaces\"}]", "operations[0].renameType"},
            new String[] {
              "[{\"remove\":\"/a~7\"}]", "operations[0].remove is no valid JSON Pointer"
            });
    for (String[] c : cases) {
      assertRefused(Upcasts.put(tenant, TYPE, 1, c[0]), c[1]);
    }
    assertRefused(
        Api.put(
            Upcasts.base(tenant) + "/" + TYPE + "/1",
            "{\"operations\":[{\"remove\":\"/a\"}],\"x\":1}"),
        "Unknown field 'x'");
    assertRefused(Upcasts.put(tenant, TYPE, 0, "[{\"remove\":\"/a\"}]"), "'fromVersion'");
    assertRefused(
        Api.put(
            Upcasts.base(tenant) + "/" + TYPE + "/two", "{\"operations\":[{\"remove\":\"/a\"}]}"),
        "'fromVersion'");
    assertRefused(Upcasts.put(tenant, TYPE, 1000001, "[{\"remove\":\"/a\"}]"), "'fromVersion'");
    assertRefused(Upcasts.put(tenant, "1bad", 1, "[{\"remove\":\"/a\"}]"), "Event type");
    HttpResponse<String> list = Api.get(Upcasts.base(tenant));
    assertEquals(0, Api.json(list).getJsonArray("upcasters").size(), list.body());
    // what was refused never applies to a read
    String stream = "inv-" + UUID.randomUUID();
    Upcasts.append(tenant, stream, "c-1", event(TYPE, 1, V1));
    assertEquals(
        2,
        events(Api.get("/api/tenants/" + tenant + "/streams/" + stream + "/events"))
            .get(0)
            .getInt("schemaVersion"),
        "only the Java upcaster applies");
  }

  private static void assertRefused(HttpResponse<String> r, String detail) {
    assertEquals(400, r.statusCode(), r.body());
    JsonObject p = Api.json(r);
    assertEquals(INVALID, p.getString("type"));
    assertTrue(p.getString("detail").contains(detail), () -> detail + " in " + r.body());
  }
}
