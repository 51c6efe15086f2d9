package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantMove;
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
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The tenant registry table, {@code annals.tenants}, through tenancy's own role and pool. Each
 * method runs in the caller's transaction when there is one, else on its own (auto-commit).
 */
@ApplicationScoped
public class TenantRepository {

  private static final String COLUMNS =
      "tenant_id, name, isolation, state, created_at, db_host, db_port, deleted_at, purge_after,"
          + " purged_at";

  private static final String INSERT =
      "INSERT INTO annals.tenants (tenant_id, name, isolation, state, db_host, db_port)"
          + " VALUES (?, ?, ?, 'creating', ?, ?) ON CONFLICT (tenant_id) DO NOTHING RETURNING "
          + COLUMNS;

  private static final String FIND =
      "SELECT " + COLUMNS + " FROM annals.tenants WHERE tenant_id = ?";

  private static final String LIST =
      "SELECT "
          + COLUMNS
          + " FROM annals.tenants WHERE tenant_id > ? AND state <> 'creating'"
          + " ORDER BY tenant_id LIMIT ?";

  private static final String ALL_LIVE =
      "SELECT " + COLUMNS + " FROM annals.tenants WHERE purged_at IS NULL ORDER BY tenant_id";

  private static final String SET_STATE =
      "UPDATE annals.tenants SET state = ?, updated_at = now() WHERE tenant_id = ? RETURNING "
          + COLUMNS;

  private static final String MARK_DELETED =
      "UPDATE annals.tenants SET state = 'deleted', updated_at = now(), deleted_at = now(),"
          + " purge_after = now() + make_interval(days => ?) WHERE tenant_id = ? RETURNING "
          + COLUMNS;

  private static final String MARK_PURGED =
      "UPDATE annals.tenants SET purged_at = now(), updated_at = now() WHERE tenant_id = ?";

  private static final String DUE_FOR_PURGE =
      "SELECT "
          + COLUMNS
          + " FROM annals.tenants WHERE state = 'deleted' AND purged_at IS NULL"
          + " AND purge_after <= now() ORDER BY tenant_id";

  private static final String SET_DATA_VERSION =
      "UPDATE annals.tenants SET data_version = ? WHERE tenant_id = ?";

  private static final String REMOVE_CREATING =
      "DELETE FROM annals.tenants WHERE tenant_id = ? AND state = 'creating'";

  private static final String STALE_CREATING =
      "SELECT "
          + COLUMNS
          + " FROM annals.tenants WHERE state = 'creating'"
          + " AND updated_at < now() - make_interval(mins => ?) ORDER BY tenant_id";

  private static final String AUDIT =
      "INSERT INTO annals.audit_log (tenant_id, action, detail) VALUES (?, ?, ?::jsonb)";

  @Resource(lookup = "jdbc/annals/tenancy")
  DataSource tenancy;

  /** Claims the id with a row in state {@code creating}; empty when the id is taken. */
  public Optional<Tenant> claim(
      TenantId id, String name, Isolation isolation, Optional<DatabaseServer> server)
      throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, id.value());
      ps.setString(2, name);
      ps.setString(3, isolation.wireName());
      setServer(ps, 4, server);
      return single(ps);
    }
  }

  /** The tenant with this id, if any, in any state. */
  public Optional<Tenant> find(TenantId id) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(FIND)) {
      ps.setString(1, id.value());
      return single(ps);
    }
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
  public List<Tenant> list(String after, int limit) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(LIST)) {
      ps.setString(1, after);
      ps.setInt(2, limit);
      return many(ps);
    }
  }

  /** Every tenant whose data exists somewhere (not purged), including unfinished creations. */
  public List<Tenant> allLive() throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(ALL_LIVE)) {
      return many(ps);
    }
  }

  /** Creations unfinished for longer than {@code minutes}: their node died mid-way. */
  public List<Tenant> staleCreations(int minutes) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(STALE_CREATING)) {
      ps.setInt(1, minutes);
      return many(ps);
    }
  }

  /** Deleted tenants whose retention has ended and whose data is not purged yet. */
  public List<Tenant> dueForPurge() throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(DUE_FOR_PURGE)) {
      return many(ps);
    }
  }

  /** Sets the state; the row as it is now. */
  public Tenant setState(TenantId id, String state) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(SET_STATE)) {
      ps.setString(1, state);
      ps.setString(2, id.value());
      return single(ps).orElseThrow(() -> new SQLException("tenant " + id + " vanished"));
    }
  }

  /** Marks the tenant deleted, its data retained for {@code retainDays}. */
  public Tenant markDeleted(TenantId id, int retainDays) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(MARK_DELETED)) {
      ps.setInt(1, retainDays);
      ps.setString(2, id.value());
      return single(ps).orElseThrow(() -> new SQLException("tenant " + id + " vanished"));
    }
  }

  /** Records that a deleted tenant's data is gone. */
  public void markPurged(TenantId id) throws SQLException {
    update(MARK_PURGED, id);
  }

  /** Removes an unfinished creation (never acknowledged to anyone). */
  public void removeCreating(TenantId id) throws SQLException {
    update(REMOVE_CREATING, id);
  }

  /** The tenant-data changelog version each tenant's data is migrated to, by tenant id. */
  public java.util.Map<String, String> dataVersions() throws SQLException {
    java.util.Map<String, String> versions = new java.util.HashMap<>();
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT tenant_id, data_version FROM annals.tenants WHERE data_version IS NOT NULL");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        versions.put(rs.getString(1), rs.getString(2));
      }
    }
    return versions;
  }

  /** Records which tenant-data changelog the tenant's data is migrated to. */
  public void setDataVersion(TenantId id, String version) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(SET_DATA_VERSION)) {
      ps.setString(1, version);
      ps.setString(2, id.value());
      ps.executeUpdate();
    }
  }

  /** An open move as the mover works on it. */
  public record MoveRow(long moveId, Tenant from, Tenant to, String priorState, String phase) {}

  /** Opens a move; empty when the tenant has an open move already (one at a time, by index). */
  public Optional<Long> insertMove(Tenant from, Tenant to) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO annals.tenant_moves (tenant_id, from_isolation, from_host, from_port,"
                    + " to_isolation, to_host, to_port, prior_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING RETURNING move_id")) {
      ps.setString(1, from.id().value());
      ps.setString(2, from.isolation().wireName());
      setServer(ps, 3, from.server());
      ps.setString(5, to.isolation().wireName());
      setServer(ps, 6, to.server());
      ps.setString(8, from.state());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Records a move's phase, progress and error (null keeps them); touches updated_at. */
  public void updateMove(long moveId, String phase, Long eventsCopied, String error)
      throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE annals.tenant_moves SET phase = coalesce(?, phase),"
                    + " events_copied = coalesce(?, events_copied), error = coalesce(?, error),"
                    + " updated_at = now(), finished_at = CASE WHEN ? IN ('done', 'failed')"
                    + " THEN now() END WHERE move_id = ?")) {
      ps.setString(1, phase);
      if (eventsCopied == null) {
        ps.setNull(2, Types.BIGINT);
      } else {
        ps.setLong(2, eventsCopied);
      }
      ps.setString(3, error);
      ps.setString(4, phase);
      ps.setLong(5, moveId);
      ps.executeUpdate();
    }
  }

  /** The tenant's latest move. */
  public Optional<TenantMove> lastMove(TenantId id) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT to_isolation, to_host, to_port, phase, events_copied, error, started_at,"
                    + " finished_at FROM annals.tenant_moves WHERE tenant_id = ?"
                    + " ORDER BY move_id DESC LIMIT 1")) {
      ps.setString(1, id.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new TenantMove(
                Isolation.parse(rs.getString(1)),
                server(rs, 2),
                rs.getString(4),
                rs.getLong(5),
                Optional.ofNullable(rs.getString(6)),
                instant(rs, 7).orElseThrow(),
                instant(rs, 8)));
      }
    }
  }

  /** Open moves not touched for {@code minutes}: their node died. */
  public List<MoveRow> staleMoves(int minutes) throws SQLException {
    List<MoveRow> moves = new ArrayList<>();
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT m.move_id, m.from_isolation, m.from_host, m.from_port, m.to_isolation,"
                    + " m.to_host, m.to_port, m.prior_state, m.phase, m.tenant_id"
                    + " FROM annals.tenant_moves m WHERE m.phase IN ('copying', 'fenced',"
                    + " 'switched') AND m.updated_at < now() - make_interval(mins => ?)")) {
      ps.setInt(1, minutes);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Tenant t = find(new TenantId(rs.getString(10))).orElseThrow();
          Tenant from = t.at(Isolation.parse(rs.getString(2)), server(rs, 3));
          Tenant to = t.at(Isolation.parse(rs.getString(5)), server(rs, 6));
          moves.add(new MoveRow(rs.getLong(1), from, to, rs.getString(8), rs.getString(9)));
        }
      }
    }
    return moves;
  }

  /** Points the tenant at its new place and gives it back its state: the switch of a move. */
  public Tenant switchPlacement(Tenant to, String state) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE annals.tenants SET isolation = ?, db_host = ?, db_port = ?, state = ?,"
                    + " updated_at = now() WHERE tenant_id = ? RETURNING "
                    + COLUMNS)) {
      ps.setString(1, to.isolation().wireName());
      setServer(ps, 2, to.server());
      ps.setString(4, state);
      ps.setString(5, to.id().value());
      return single(ps).orElseThrow(() -> new SQLException("tenant " + to.id() + " vanished"));
    }
  }

  private static void setServer(PreparedStatement ps, int index, Optional<DatabaseServer> server)
      throws SQLException {
    if (server.isPresent()) {
      ps.setString(index, server.get().host());
      ps.setInt(index + 1, server.get().port());
    } else {
      ps.setNull(index, Types.VARCHAR);
      ps.setNull(index + 1, Types.INTEGER);
    }
  }

  private static Optional<DatabaseServer> server(ResultSet rs, int column) throws SQLException {
    String host = rs.getString(column);
    return host == null
        ? Optional.empty()
        : Optional.of(new DatabaseServer(host, rs.getInt(column + 1)));
  }

  /** Appends to the insert-only audit log. */
  public void audit(TenantId id, String action, String detailJson) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(AUDIT)) {
      ps.setString(1, id.value());
      ps.setString(2, action);
      ps.setString(3, detailJson);
      ps.executeUpdate();
    }
  }

  private void update(String sql, TenantId id) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id.value());
      ps.executeUpdate();
    }
  }

  private static Optional<Tenant> single(PreparedStatement ps) throws SQLException {
    List<Tenant> rows = many(ps);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static List<Tenant> many(PreparedStatement ps) throws SQLException {
    List<Tenant> tenants = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        tenants.add(row(rs));
      }
    }
    return tenants;
  }

  private static Tenant row(ResultSet rs) throws SQLException {
    Optional<DatabaseServer> server = server(rs, 6);
    return new Tenant(
        new TenantId(rs.getString(1)),
        rs.getString(2),
        Isolation.parse(rs.getString(3)),
        rs.getString(4),
        instant(rs, 5).orElseThrow(),
        server,
        instant(rs, 8),
        instant(rs, 9),
        rs.getObject(10) != null);
  }

  private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }
}
