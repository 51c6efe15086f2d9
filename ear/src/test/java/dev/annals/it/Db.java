package dev.annals.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct JDBC to the integration-test database, as the owner or as the runtime role. */
public final class Db {

  private Db() {}

  /** The schema owner (superuser in tests): sees everything, for checking what was stored. */
  public static Connection owner() throws SQLException {
    return ItServer.ownerConnection();
  }

  /** The runtime role the server uses: subject to Row-Level Security. */
  public static Connection runtime() throws SQLException {
    return DriverManager.getConnection(ItServer.jdbcUrl(), "annals_app", "");
  }

  /** Binds a tenant for the current transaction, as the server does. */
  public static void bind(Connection c, String tenant) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT set_config('annals.tenant_id', ?, true)")) {
      ps.setString(1, tenant);
      ps.execute();
    }
  }

  /** Every stored event id of a tenant, in checkpoint order, read as the owner. */
  public static List<String> eventIds(String tenant) throws SQLException {
    return column(
        "SELECT event_id::text FROM annals.events WHERE tenant_id = ?"
            + " ORDER BY transaction_id, global_position",
        tenant);
  }

  /** The stream versions stored for a stream, ascending, read as the owner. */
  public static List<Long> versions(String tenant, String stream) throws SQLException {
    return column(
            "SELECT stream_version::text AS v FROM annals.events WHERE tenant_id = ? AND stream_id = ?"
                + " ORDER BY stream_version",
            tenant,
            stream)
        .stream()
        .map(Long::valueOf)
        .toList();
  }

  /** The checkpoints (transaction id, position) of the given events, for diagnostics. */
  public static List<String> positions(List<String> eventIds) {
    try {
      return column(
          "SELECT event_id || '@' || transaction_id || '-' || global_position FROM annals.events"
              + " WHERE event_id = ANY (?::uuid[]) ORDER BY transaction_id, global_position",
          "{" + String.join(",", eventIds) + "}");
    } catch (SQLException e) {
      return List.of(e.toString());
    }
  }

  private static List<String> column(String sql, String... params) throws SQLException {
    try (Connection c = owner();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
      return values;
    }
  }

  /**
   * Starts a write transaction as the runtime role that stores one event the way the server does,
   * and leaves it open: its position is taken but not committed.
   */
  public static Connection openAppend(String tenant, String stream, String eventId)
      throws SQLException {
    Connection c = runtime();
    c.setAutoCommit(false);
    bind(c, tenant);
    try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO annals.streams (tenant_id, stream_id, version) VALUES (?, ?, 1)");
        PreparedStatement e =
            c.prepareStatement(
                "INSERT INTO annals.events (tenant_id, stream_id, stream_version, event_id,"
                    + " event_type, data, metadata) VALUES (?, ?, 1, ?::uuid, 'Held', '{}',"
                    + " '{\"correlationId\":\"it\"}')")) {
      s.setString(1, tenant);
      s.setString(2, stream);
      s.executeUpdate();
      e.setString(1, tenant);
      e.setString(2, stream);
      e.setString(3, eventId);
      e.executeUpdate();
    }
    return c;
  }
}
