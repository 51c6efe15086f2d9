package dev.annals.it.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tenant list filtered by state and isolation, paged server-side. */
class TenantListIT {

  /** Every tenant id the filtered list shows, following its pages. */
  private static List<JsonObject> all(String query) {
    List<JsonObject> tenants = new ArrayList<>();
    String after = null;
    do {
      HttpResponse<String> r =
          Api.get("/api/tenants?limit=2&" + query + (after == null ? "" : "&after=" + after));
      assertEquals(200, r.statusCode(), r.body());
      JsonObject page = Api.json(r);
      tenants.addAll(page.getJsonArray("tenants").getValuesAs(JsonObject.class));
      after = !page.containsKey("next") || page.isNull("next") ? null : page.getString("next");
    } while (after != null);
    return tenants;
  }

  @Test
  void theListShowsOnlyTenantsInTheAskedStateAndIsolation() {
    String suspendedSchema = Api.createTenant("schema");
    String activeSchema = Api.createTenant("schema");
    String suspendedShared = Api.createTenant("shared");
    assertEquals(200, Api.post("/api/tenants/" + suspendedSchema + "/suspend", "").statusCode());
    assertEquals(200, Api.post("/api/tenants/" + suspendedShared + "/suspend", "").statusCode());

    List<JsonObject> shown = all("state=suspended&isolation=schema");
    List<String> ids = shown.stream().map(t -> t.getString("id")).toList();
    assertTrue(ids.contains(suspendedSchema), ids.toString());
    assertFalse(ids.contains(activeSchema));
    assertFalse(ids.contains(suspendedShared));
    assertTrue(
        shown.stream()
            .allMatch(
                t ->
                    t.getString("state").equals("suspended")
                        && t.getString("isolation").equals("schema")));
    assertTrue(
        all("state=suspended").stream()
            .map(t -> t.getString("id"))
            .toList()
            .contains(suspendedShared));
  }

  @Test
  void anUnknownOrInternalStateIsABadRequestNamingTheParameter() {
    String states = "'state' must be one of active, suspended, moving, deleted; was: ";
    for (String[] refusal :
        new String[][] {
          {"state=creating", states + "'creating'"},
          {"state=bogus", states + "'bogus'"},
          {
            "isolation=cluster",
            "'isolation' must be one of shared, schema, database; was: 'cluster'"
          }
        }) {
      HttpResponse<String> r = Api.get("/api/tenants?" + refusal[0]);
      assertEquals(400, r.statusCode(), refusal[0]);
      assertEquals(refusal[1], Api.json(r).getString("detail"));
      assertEquals("https://annals.dev/problems/invalid-request", Api.json(r).getString("type"));
    }
  }
}
