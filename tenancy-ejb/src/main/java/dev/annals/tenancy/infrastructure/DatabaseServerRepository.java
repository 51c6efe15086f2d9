package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.QuotaExceededException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The registered database servers, {@code annals.database_servers}, through tenancy's pool, and how
 * many database-mode tenants each holds (what its quota counts: tenants whose data exists, and open
 * moves towards it).
 */
@ApplicationScoped
public class DatabaseServerRepository {

  static final String COLUMNS =
      "name, host, port, credentials, max_connections_per_tenant, max_tenants";

  /**
   * Database-mode tenants whose data exists on a server ({@code ?} is its name, or null for the
   * platform's own server), counting open moves towards it.
   */
  static final String USAGE =
      "SELECT (SELECT count(*) FROM annals.tenants t WHERE t.isolation = 'database'"
          + " AND t.purged_at IS NULL AND t.db_server IS NOT DISTINCT FROM ?::text)"
          + " + (SELECT count(*) FROM annals.tenant_moves m WHERE m.to_isolation = 'database'"
          + " AND m.phase IN ('copying', 'fenced') AND m.to_server IS NOT DISTINCT FROM ?::text)";

  private static final String INSERT =
      "INSERT INTO annals.database_servers ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (name) DO NOTHING";

  private static final String ALL = "SELECT " + COLUMNS + " FROM annals.database_servers";

  private static final String DELETE =
      "DELETE FROM annals.database_servers s WHERE s.name = ? AND NOT EXISTS (SELECT 1 FROM"
          + " annals.tenants t WHERE t.db_server = s.name AND t.purged_at IS NULL)"
          + " AND NOT EXISTS (SELECT 1 FROM annals.tenant_moves m WHERE s.name IN (m.to_server,"
          + " m.from_server)"
          + " AND m.phase IN ('copying', 'fenced', 'switched'))";

  /** Purged tenants and finished moves keep no reference, so a server they used can go. */
  private static final String FORGET_TENANTS =
      "UPDATE annals.tenants SET db_server = NULL"
          + " WHERE db_server = ? AND purged_at IS NOT NULL";

  @Inject TenantRepository registry;

  /** Registers a server; false when the name is taken. */
  public boolean insert(DatabaseServer s) throws SQLException {
    return registry.update(
            INSERT,
            ps -> {
              ps.setString(1, s.name());
              ps.setString(2, s.host());
              ps.setInt(3, s.port());
              ps.setString(4, s.credentials());
              ps.setInt(5, s.maxConnectionsPerTenant());
              ps.setInt(6, s.maxTenants());
            })
        == 1;
  }

  /** Every registered server, by name. */
  public List<DatabaseServer> all() throws SQLException {
    return registry.query(ALL + " ORDER BY name", ps -> {}, DatabaseServerRepository::row);
  }

  /** The server of this name, if registered. */
  public Optional<DatabaseServer> find(String name) throws SQLException {
    return registry
        .query(ALL + " WHERE name = ?", ps -> ps.setString(1, name), DatabaseServerRepository::row)
        .stream()
        .findFirst();
  }

  /** The database-mode tenants on a server (empty: the platform's own), see {@link #USAGE}. */
  public int usage(Optional<String> server) throws SQLException {
    return registry
        .query(
            USAGE,
            ps -> {
              ps.setString(1, server.orElse(null));
              ps.setString(2, server.orElse(null));
            },
            rs -> rs.getInt(1))
        .get(0);
  }

  /**
   * Fails when the server holds its quota of database-mode tenants already, counted under a lock on
   * the server held to the end of {@code c}'s transaction, so that claims for one server are
   * serialised and concurrent creations cannot overshoot.
   *
   * @param server the server (empty: the platform's own)
   * @throws QuotaExceededException when it is full
   */
  static void requireRoomLocked(Connection c, Optional<DatabaseServer> server, int maxTenants)
      throws SQLException {
    String name = server.map(DatabaseServer::name).orElse(null);
    try (PreparedStatement lock =
        c.prepareStatement(
            "SELECT pg_advisory_xact_lock(hashtext('annals.database_servers'), hashtext(?))")) {
      lock.setString(1, name == null ? "" : name);
      lock.execute();
    }
    try (PreparedStatement usage = c.prepareStatement(USAGE)) {
      usage.setString(1, name);
      usage.setString(2, name);
      try (ResultSet rs = usage.executeQuery()) {
        rs.next();
        if (rs.getInt(1) >= maxTenants) {
          throw full(server, maxTenants);
        }
      }
    }
  }

  /** The refusal of one more database-mode tenant on a server that holds {@code max}. */
  public static QuotaExceededException full(Optional<DatabaseServer> server, int max) {
    String quota = quotaName(server);
    return new QuotaExceededException(
        quota,
        max,
        "The database server "
            + server.map(s -> "'" + s.name() + "'").orElse("of the platform")
            + " holds its maximum of "
            + max
            + " database-mode tenants ("
            + quota
            + "): place the tenant on another registered server or raise the quota");
  }

  /** The name of a server's quota on database-mode tenants, as problems name it. */
  public static String quotaName(Optional<DatabaseServer> server) {
    return server
        .map(s -> "database-servers/" + s.name() + "/maxTenants")
        .orElse("annals.tenancy.platform.max-database-tenants");
  }

  /** Removes a server nothing live uses; false when something does (or there is none). */
  public boolean delete(String name) throws SQLException {
    return registry.inTransaction(
        c -> {
          try (var forget = c.prepareStatement(FORGET_TENANTS);
              var moves =
                  c.prepareStatement(
                      "UPDATE annals.tenant_moves SET to_server = CASE WHEN to_server = ? THEN"
                          + " NULL ELSE to_server END, from_server = CASE WHEN from_server = ?"
                          + " THEN NULL ELSE from_server END WHERE (to_server = ? OR from_server"
                          + " = ?) AND phase IN ('done', 'failed')");
              var delete = c.prepareStatement(DELETE)) {
            delete.setString(1, name);
            forget.setString(1, name);
            for (int i = 1; i <= 4; i++) {
              moves.setString(i, name);
            }
            forget.executeUpdate();
            moves.executeUpdate();
            return delete.executeUpdate() == 1;
          }
        });
  }

  static DatabaseServer row(ResultSet rs) throws SQLException {
    return new DatabaseServer(
        rs.getString(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getString(4),
        rs.getInt(5),
        rs.getInt(6));
  }
}
