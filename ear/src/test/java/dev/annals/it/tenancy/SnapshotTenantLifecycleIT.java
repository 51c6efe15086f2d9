package dev.annals.it.tenancy;

import static dev.annals.it.eventstore.SnapshotApi.path;
import static dev.annals.it.eventstore.SnapshotApi.put;
import static dev.annals.it.eventstore.SnapshotApi.snapshotVersions;
import static dev.annals.it.eventstore.SnapshotApi.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshots follow their tenant: copied by a move, removed with the old place and by a purge. */
class SnapshotTenantLifecycleIT {

  @Test
  void snapshotsMoveWithTheirTenantThroughEveryMode() throws SQLException {
    String tenant = Api.createTenant("shared");
    String stream = stream(tenant, "cart", 4);
    assertEquals(200, put(tenant, stream, 2, 1, "{\"at\":2}").statusCode());
    assertEquals(200, put(tenant, stream, 4, 2, "{\"at\":4}").statusCode());
    JsonObject newest = Api.json(Api.get(path(tenant, stream)));
    JsonObject older = Api.json(Api.get(path(tenant, stream) + "?atOrBelow=3"));

    for (String mode : List.of("schema", "database", "shared")) {
      TenantMoveIT.moveAndWait(tenant, mode);
      String where = "after the move to " + mode;
      assertEquals(newest, Api.json(Api.get(path(tenant, stream))), where);
      assertEquals(older, Api.json(Api.get(path(tenant, stream) + "?atOrBelow=3")), where);
      assertEquals(List.of(2L, 4L), snapshotVersions(tenant, stream), where);
      if (!mode.equals("shared")) {
        assertEquals(0, sharedSnapshots(tenant), where + ": the old place keeps none");
      }
    }
  }

  @Test
  void aPurgedTenantLeavesNoSnapshot() throws SQLException {
    String tenant = Api.createTenant("shared");
    String stream = stream(tenant, "cart", 3);
    assertEquals(200, put(tenant, stream, 3, 1, "{}").statusCode());
    assertEquals(1, sharedSnapshots(tenant));
    assertEquals(200, Api.delete("/api/tenants/" + tenant + "?retainDays=0").statusCode());
    assertEquals(0, sharedSnapshots(tenant));
  }

  /** The tenant's snapshots in the shared schema, counted as the superuser (no RLS). */
  private static long sharedSnapshots(String tenant) throws SQLException {
    try (Connection c = Db.owner();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM annals.snapshots WHERE tenant_id = ?")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
