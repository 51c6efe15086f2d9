package dev.annals.it.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Declarative upcasters follow their tenant: copied by a move (and applied to reads there), removed
 * with the old place and by a purge.
 */
class UpcasterTenantLifecycleIT {

  private static final String OPS = "[{\"rename\":{\"from\":\"/qty\",\"to\":\"/quantity\"}}]";

  @Test
  void upcastersMoveWithTheirTenantThroughEveryMode() throws SQLException {
    String tenant = Api.createTenant("shared");
    assertEquals(200, put(tenant, "MoveProbe", 1).statusCode());
    String stream = "moving-" + UUID.randomUUID();
    HttpResponse<String> appended =
        Api.post(
            "/api/tenants/" + tenant + "/streams/" + stream + "/events",
            Api.appendBody("\"any\"", Api.event(UUID.randomUUID(), "MoveProbe", "{\"qty\":3}")));
    assertEquals(201, appended.statusCode(), appended.body());
    JsonObject listed = Api.json(Api.get("/api/tenants/" + tenant + "/upcasters"));

    for (String mode : List.of("schema", "database", "shared")) {
      TenantMoveIT.moveAndWait(tenant, mode);
      String where = "after the move to " + mode;
      assertEquals(listed, Api.json(Api.get("/api/tenants/" + tenant + "/upcasters")), where);
      JsonObject e =
          Api.json(Api.get("/api/tenants/" + tenant + "/streams/" + stream + "/events"))
              .getJsonArray("events")
              .getJsonObject(0);
      assertEquals(3, e.getJsonObject("data").getInt("quantity"), where);
      assertEquals(2, e.getInt("schemaVersion"), where);
      if (!mode.equals("shared")) {
        assertEquals(0, sharedUpcasters(tenant), where + ": the old place keeps none");
      }
    }
  }

  @Test
  void aPurgedTenantLeavesNoUpcaster() throws SQLException {
    String tenant = Api.createTenant("shared");
    assertEquals(200, put(tenant, "PurgeProbe", 1).statusCode());
    assertEquals(1, sharedUpcasters(tenant));
    assertEquals(200, Api.delete("/api/tenants/" + tenant + "?retainDays=0").statusCode());
    assertEquals(0, sharedUpcasters(tenant));
  }

  private static HttpResponse<String> put(String tenant, String type, int from) {
    return Api.put(
        "/api/tenants/" + tenant + "/upcasters/" + type + "/" + from,
        "{\"operations\":" + OPS + "}");
  }

  /** The tenant's upcasters in the shared schema, counted as the superuser (no RLS). */
  private static long sharedUpcasters(String tenant) throws SQLException {
    try (Connection c = Db.owner();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM annals.upcasters WHERE tenant_id = ?")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
