package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.QuotaExceededException;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantFilter;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantState;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The tenant registry table, {@code annals.tenants}, through tenancy's own role and pool. Each
 * method runs in the caller's transaction when there is one, else on its own (auto-commit).
 */
@ApplicationScoped
public class TenantRepository {

  static final String COLUMNS =
      "tenant_id, name, isolation, state, created_at, db_server, deleted_at, purge_after,"
          + " purged_at, datasource_generation";

  private static final String INSERT =
      "INSERT INTO annals.tenants (tenant_id, name, isolation, state, db_server)"
          + " VALUES (?, ?, ?, 'creating', ?) ON CONFLICT (tenant_id) DO NOTHING RETURNING "
          + COLUMNS;

  private static final String FIND =
      "SELECT " + COLUMNS + " FROM annals.tenants WHERE tenant_id = ?";

  private static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM annals.tenants WHERE tenant_id > ? AND state <> 'creating'"
          + " AND (?::text IS NULL OR state = ?) AND (?::text IS NULL OR isolation = ?)"
          + " ORDER BY tenant_id LIMIT ?";

  private static final String ALL_LIVE =
      "SELECT " + COLUMNS + " FROM annals.tenants WHERE purged_at IS NULL ORDER BY tenant_id";

  private static final String SET_STATE =
      "UPDATE annals.tenants SET state = ?, updated_at = now() WHERE tenant_id = ? RETURNING "
          + COLUMNS;

  private static final String REMOVE_CREATING =
      "DELETE FROM annals.tenants WHERE tenant_id = ? AND state = 'creating'";

  private static final String STALE_CREATING =
      "SELECT "
          + COLUMNS
          + " FROM annals.tenants WHERE state = 'creating'"
          + " AND updated_at < now() - make_interval(mins => ?) ORDER BY tenant_id";

  @Resource(lookup = "jdbc/annals/tenancy")
  DataSource tenancy;

  /** Sets a statement's parameters. */
  @FunctionalInterface
  interface Params {
    void set(PreparedStatement ps) throws SQLException;
  }

  /** Reads one row. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Every row {@code sql} answers, on tenancy's connection. */
  <T> List<T> query(String sql, Params params, RowReader<T> reader) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      params.set(ps);
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(reader.read(rs));
        }
      }
      return rows;
    }
  }

  /** Runs {@code sql} on tenancy's connection; the number of rows it changed. */
  int update(String sql, Params params) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      params.set(ps);
      return ps.executeUpdate();
    }
  }

  List<Tenant> tenants(String sql, Params params) throws SQLException {
    return resolved(query(sql, params, TenantRepository::row));
  }

  /** A tenant row whose server is known by name only. */
  private record Row(Tenant tenant, Optional<String> server) {}

  private List<Tenant> resolved(List<Row> rows) throws SQLException {
    Map<String, DatabaseServer> servers = new HashMap<>();
    List<Tenant> tenants = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Tenant t = r.tenant();
      if (r.server().isPresent()) {
        t = t.at(t.isolation(), Optional.of(server(servers, r.server().get())));
      }
      tenants.add(t);
    }
    return tenants;
  }

  /** The registered server of this name (rows reference it by foreign key). */
  DatabaseServer server(Map<String, DatabaseServer> known, String name) throws SQLException {
    if (known.isEmpty()) {
      for (DatabaseServer s :
          query(
              "SELECT " + DatabaseServerRepository.COLUMNS + " FROM annals.database_servers",
              ps -> {},
              DatabaseServerRepository::row)) {
        known.put(s.name(), s);
      }
    }
    DatabaseServer s = known.get(name);
    if (s == null) {
      throw new SQLException("database server " + name + " is not registered");
    }
    return s;
  }

  /** Work in one local transaction on tenancy's connection, committed unless it throws. */
  <R> R inTransaction(OwnerConnections.SqlWork<R> work) throws SQLException {
    try (Connection c = tenancy.getConnection()) {
      c.setAutoCommit(false);
      try {
        R result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private Optional<Tenant> tenant(String sql, Params params) throws SQLException {
    return tenants(sql, params).stream().findFirst();
  }

  Tenant changed(TenantId id, String sql, Params params) throws SQLException {
    return tenant(sql, params).orElseThrow(() -> new SQLException("tenant " + id + " vanished"));
  }

  /**
   * Claims the id with a row in state {@code creating}; empty when the id is taken. A database-mode
   * tenant is claimed only while its server holds fewer than {@code maxTenants} of them: claims for
   * one server are serialised (an advisory lock on it), so concurrent creations cannot overshoot.
   *
   * @throws QuotaExceededException when the server is full
   */
  public Optional<Tenant> claim(
      TenantId id,
      String name,
      Isolation isolation,
      Optional<DatabaseServer> server,
      int maxTenants)
      throws SQLException {
    if (isolation != Isolation.DATABASE) {
      return tenant(INSERT, claimParams(id, name, isolation, server));
    }
    return inTransaction(
        c -> {
          DatabaseServerRepository.requireRoomLocked(c, server, maxTenants);
          List<Row> rows = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            claimParams(id, name, isolation, server).set(ps);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(row(rs));
              }
            }
          }
          // the server is the one passed in: no lookup needed
          return rows.stream().findFirst().map(r -> r.tenant().at(isolation, server));
        });
  }

  private static Params claimParams(
      TenantId id, String name, Isolation isolation, Optional<DatabaseServer> server) {
    return ps -> {
      ps.setString(1, id.value());
      ps.setString(2, name);
      ps.setString(3, isolation.wireName());
      setServer(ps, 4, server);
    };
  }

  /** The tenant with this id, if any, in any state. */
  public Optional<Tenant> find(TenantId id) throws SQLException {
    return tenant(FIND, ps -> ps.setString(1, id.value()));
  }

  /**
   * {@link #find}, suspending the caller's transaction: a registry read for a cache must not enlist
   * tenancy's datasource in the caller's transaction (that would make it a two-phase commit).
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public Optional<Tenant> findOutsideTransaction(TenantId id) throws SQLException {
    return find(id);
  }

  /** Up to {@code limit} tenants with ids after {@code after} ("" for the first page). */
  public List<Tenant> list(String after, int limit, TenantFilter filter) throws SQLException {
    String state = filter.state().map(TenantState::wireName).orElse(null);
    String isolation = filter.isolation().map(Isolation::wireName).orElse(null);
    return tenants(
        LIST,
        ps -> {
          ps.setString(1, after);
          ps.setString(2, state);
          ps.setString(3, state);
          ps.setString(4, isolation);
          ps.setString(5, isolation);
          ps.setInt(6, limit);
        });
  }

  /** Every tenant whose data exists somewhere (not purged), including unfinished creations. */
  public List<Tenant> allLive() throws SQLException {
    return tenants(ALL_LIVE, ps -> {});
  }

  /** Creations unfinished for longer than {@code minutes}: their node died. */
  public List<Tenant> staleCreations(int minutes) throws SQLException {
    return tenants(STALE_CREATING, ps -> ps.setInt(1, minutes));
  }

  /** Sets the state; the row as it is now. */
  public Tenant setState(TenantId id, TenantState state) throws SQLException {
    return changed(
        id,
        SET_STATE,
        ps -> {
          ps.setString(1, state.wireName());
          ps.setString(2, id.value());
        });
  }

  /** Removes an unfinished creation (never acknowledged to anyone). */
  public void removeCreating(TenantId id) throws SQLException {
    update(REMOVE_CREATING, ps -> ps.setString(1, id.value()));
  }

  static void setServer(PreparedStatement ps, int index, Optional<DatabaseServer> server)
      throws SQLException {
    if (server.isPresent()) {
      ps.setString(index, server.get().name());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }

  static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }

  private static Row row(ResultSet rs) throws SQLException {
    Tenant t =
        new Tenant(
            new TenantId(rs.getString(1)),
            rs.getString(2),
            Isolation.parse(rs.getString(3)),
            TenantState.parse(rs.getString(4)),
            instant(rs, 5).orElseThrow(),
            Optional.empty(),
            instant(rs, 7),
            instant(rs, 8),
            rs.getObject(9) != null,
            rs.getInt(10));
    return new Row(t, Optional.ofNullable(rs.getString(6)));
  }
}
