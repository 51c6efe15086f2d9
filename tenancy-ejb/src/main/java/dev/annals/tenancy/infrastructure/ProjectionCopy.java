package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.Tenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Copies a tenant's projections (their generations and the statistics projection's rows) for a
 * move, consistent with their subscriptions' checkpoints: the projection subscriptions' rows are
 * locked at the source first, so no delivery commits between the copy of a checkpoint and the copy
 * of the rows it covers (a delivery in flight waits, and its batch is read again at the target).
 */
final class ProjectionCopy {

  private static final String[][] TABLES = {
    {
      "projections",
      "tenant_id, name, live_generation, building_generation, retired_generation,"
          + " next_generation, rebuild_started_at, rebuild_finished_at, created_at"
    },
    {
      "event_type_statistics",
      "tenant_id, generation, event_type, events, streams, last_recorded_at"
    }
  };

  private ProjectionCopy() {}

  /** Holds the source's projection checkpoints still until the copy's source side ends. */
  static void lockCheckpoints(Connection source, Tenant from) throws SQLException {
    try (PreparedStatement ps =
        source.prepareStatement(
            "SELECT 1 FROM subscriptions WHERE tenant_id = ? AND handler = 'projections'"
                + " FOR SHARE")) {
      ps.setString(1, from.id().value());
      ps.executeQuery().close();
    }
  }

  /** Replaces the target's projection rows of the tenant with the source's. */
  static void copy(Connection source, Connection target, Tenant from, Tenant to)
      throws SQLException {
    for (String[] table : TABLES) {
      try (PreparedStatement clear =
          target.prepareStatement("DELETE FROM " + table[0] + " WHERE tenant_id = ?")) {
        clear.setString(1, to.id().value());
        clear.executeUpdate();
      }
      int columns = table[1].split(",").length;
      SideTablesCopy.copy(
          source,
          target,
          from,
          to,
          new SideTablesCopy.Table(
              "SELECT " + table[1] + " FROM " + table[0] + " WHERE tenant_id = ?",
              "INSERT INTO "
                  + table[0]
                  + " ("
                  + table[1]
                  + ") VALUES (?"
                  + ", ?".repeat(columns - 1)
                  + ")"));
    }
  }
}
