package dev.annals.it;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Direct JDBC to the integration-test database, as the owner or as the runtime role. */
public final class Db {

  private Db() {}

  /**
   * PostgreSQL's superuser on the platform database (not the owner Annals uses, which is no
   * superuser): the registry, shared tenants' data, fixtures nobody else may write.
   */
  public static Connection owner() throws SQLException {
    return ItServer.ownerConnection();
  }

  /** The superuser of the build's second PostgreSQL server, on its database {@code postgres}. */
  public static Connection secondServer() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + System.getProperty("annals.it.db2Port") + "/postgres",
        "postgres",
        ItServer.secret(ItServer.SUPERUSER_PASSWORD));
  }

  /** The runtime role the server uses, on the platform database: subject to Row-Level Security. */
  public static Connection runtime() throws SQLException {
    return DriverManager.getConnection(
        ItServer.jdbcUrl(), "annals_app", ItServer.secret(ItServer.APP_PASSWORD));
  }

  /** Tenancy's runtime role on the platform database (the registry, the audit log). */
  public static Connection tenancy() throws SQLException {
    return DriverManager.getConnection(
        ItServer.jdbcUrl(), "annals_tenancy", ItServer.secret(ItServer.TENANCY_PASSWORD));
  }

  /** Where a tenant's data lives, read from the registry. */
  public record Location(String jdbcUrl, String schema) {}

  /** The tenant's database and schema, whatever its isolation mode. */
  public static Location location(String tenant) throws SQLException {
    try (Connection c = owner();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT t.isolation, s.host, s.port FROM annals.tenants t"
                    + " LEFT JOIN annals.database_servers s ON s.name = t.db_server"
                    + " WHERE t.tenant_id = ?")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no tenant " + tenant);
        }
        return switch (rs.getString(1)) {
          case "schema" -> new Location(ItServer.jdbcUrl(), "tenant_" + tenant);
          case "database" -> {
            URI platform = URI.create(ItServer.jdbcUrl().substring("jdbc:".length()));
            String host = rs.getString(2) == null ? platform.getHost() : rs.getString(2);
            int port = rs.getString(2) == null ? platform.getPort() : rs.getInt(3);
            yield new Location(
                "jdbc:postgresql://" + host + ":" + port + "/annals_tenant_" + tenant, "annals");
          }
          default -> new Location(ItServer.jdbcUrl(), "annals");
        };
      }
    }
  }

  /** The superuser on the tenant's database, search_path at the tenant's schema. */
  public static Connection ownerOf(String tenant) throws SQLException {
    Location where = location(tenant);
    Connection c =
        DriverManager.getConnection(
            where.jdbcUrl(), "postgres", ItServer.secret(ItServer.SUPERUSER_PASSWORD));
    try (Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + where.schema());
    }
    return c;
  }

  /** The runtime role on the tenant's database (bind before use). */
  public static Connection runtimeOf(String tenant) throws SQLException {
    return DriverManager.getConnection(
        location(tenant).jdbcUrl(), "annals_app", ItServer.secret(ItServer.APP_PASSWORD));
  }

  /**
   * The SQLState with which {@code sql} fails on {@code c} in a transaction bound to {@code tenant}
   * (rolled back afterwards); fails the test when it succeeds.
   */
  public static String refusal(Connection c, String tenant, String sql) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      bind(c, tenant);
      s.execute(sql);
    } catch (SQLException e) {
      return e.getSQLState();
    } finally {
      c.rollback();
    }
    throw new AssertionError("not refused: " + sql);
  }

  /** Binds a tenant (and its schema) for the current transaction, as the server does. */
  public static void bind(Connection c, String tenant) throws SQLException {
    bind(c, tenant, location(tenant).schema());
  }

  /** Binds a tenant and a schema for the current transaction. */
  public static void bind(Connection c, String tenant, String schema) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT set_config('annals.tenant_id', ?, true), set_config('search_path', ?, true)")) {
      ps.setString(1, tenant);
      ps.setString(2, schema);
      ps.execute();
    }
  }

  /** Every stored event id of a tenant, in checkpoint order, read as the owner. */
  public static List<String> eventIds(String tenant) throws SQLException {
    return tenantColumn(
        tenant,
        "SELECT event_id::text FROM events WHERE tenant_id = ?"
            + " ORDER BY transaction_id, global_position",
        tenant);
  }

  /**
   * The bytes of a tenant's event data and metadata as the storage quota measures them (their text
   * as read back), read as the owner.
   */
  public static long storedBytes(String tenant) throws SQLException {
    try (Connection c = ownerOf(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT coalesce(sum(octet_length(data::text) + octet_length(metadata::text)), 0)"
                    + " FROM events WHERE tenant_id = ?")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The stream versions stored for a stream, ascending, read as the owner. */
  public static List<Long> versions(String tenant, String stream) throws SQLException {
    return tenantColumn(
            tenant,
            "SELECT stream_version::text AS v FROM events WHERE tenant_id = ? AND stream_id = ?"
                + " ORDER BY stream_version",
            tenant,
            stream)
        .stream()
        .map(Long::valueOf)
        .toList();
  }

  /** The checkpoints (transaction id, position) of the given events, for diagnostics. */
  public static List<String> positions(String tenant, List<String> eventIds) {
    try {
      return tenantColumn(
          tenant,
          "SELECT event_id || '@' || transaction_id || '-' || global_position FROM events"
              + " WHERE event_id = ANY (?::uuid[]) ORDER BY transaction_id, global_position",
          "{" + String.join(",", eventIds) + "}");
    } catch (SQLException e) {
      return List.of(e.toString());
    }
  }

  /** One column of a query on the platform database, as its owner. */
  public static List<String> platformColumn(String sql, String... params) throws SQLException {
    try (Connection c = owner()) {
      return column(c, sql, params);
    }
  }

  /** The first column of a query's rows, run as the owner of the tenant's place. */
  public static List<String> tenantColumn(String tenant, String sql, String... params)
      throws SQLException {
    try (Connection c = ownerOf(tenant)) {
      return column(c, sql, params);
    }
  }

  private static List<String> column(Connection c, String sql, String... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
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
   * Starts a write transaction as the runtime role that stores one event the way the server does
   * (through the append function: the runtime role has no direct writes), and leaves it open: its
   * position is taken but not committed.
   */
  public static Connection openAppend(String tenant, String stream, String eventId)
      throws SQLException {
    return openAppend(tenant, stream, eventId, "it");
  }

  /** Like {@link #openAppend(String, String, String)}, with the held event's correlation id. */
  public static Connection openAppend(
      String tenant, String stream, String eventId, String correlationId) throws SQLException {
    Connection c = runtimeOf(tenant);
    c.setAutoCommit(false);
    bind(c, tenant);
    try (PreparedStatement ps = c.prepareStatement("SELECT status FROM append_batch(?::jsonb)")) {
      ps.setString(
          1,
          "[{\"tenant\":\""
              + tenant
              + "\",\"stream\":\""
              + stream
              + "\",\"expected\":\"no_stream\",\"events\":[{\"id\":\""
              + eventId
              + "\",\"type\":\"Held\",\"data\":{},\"metadata\":{\"correlationId\":\""
              + correlationId
              + "\"}}]}]");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!"ok".equals(rs.getString(1))) {
          throw new SQLException("the held append was not stored: " + rs.getString(1));
        }
      }
    }
    return c;
  }
}
