package dev.annals.eventstore.infrastructure.projection;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Projection rows in the tenant's place, on the current JTA transaction's tenant-bound connection.
 * The generation switch is one update of a row locked with the live generation's subscription row,
 * so it cannot interleave with the live generation's checkpoint advance.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ProjectionRepository {

  private static final String COLUMNS =
      "name, live_generation, building_generation, retired_generation, next_generation,"
          + " rebuild_started_at, rebuild_finished_at";

  /** {@link #COLUMNS} of {@code projections p}, in a join. */
  private static final String PREFIXED_COLUMNS =
      "p.name, p.live_generation, p.building_generation, p.retired_generation,"
          + " p.next_generation, p.rebuild_started_at, p.rebuild_finished_at";

  @EJB TenantConnections connections;

  /** Creates the projection's row at generation 1 unless it exists; true when it did not. */
  public boolean ensure(TenantId tenant, String name) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO projections (tenant_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, tenant.value());
      ps.setString(2, name);
      return ps.executeUpdate() == 1;
    }
  }

  /** The projection's row, if the tenant has it. */
  public Optional<ProjectionRow> find(TenantId tenant, String name) throws SQLException {
    return query(tenant, "SELECT " + COLUMNS + " FROM projections WHERE name = ?", name).stream()
        .findFirst();
  }

  /**
   * The projection's row with its live generation's checkpoint, unlocked, in one statement: what a
   * generation's batch needs to know whether it is still read and whether it may have caught up
   * with the live generation.
   *
   * @param subscriptionPrefix the projection's generations' subscription names without the
   *     generation
   */
  public Optional<ProjectionStanding> standing(
      TenantId tenant, String name, String subscriptionPrefix) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + PREFIXED_COLUMNS
                    + ", s.checkpoint_tx::text, s.checkpoint_position FROM projections p"
                    + " LEFT JOIN subscriptions s"
                    + " ON s.tenant_id = p.tenant_id AND s.name = ? || p.live_generation"
                    + " WHERE p.name = ?")) {
      ps.setString(1, subscriptionPrefix);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        String tx = rs.getString(8);
        return Optional.of(
            new ProjectionStanding(
                row(rs),
                tx == null
                    ? Optional.empty()
                    : Optional.of(new Checkpoint(Long.parseLong(tx), rs.getLong(9)))));
      }
    }
  }

  /** The projection's row, locked to the end of the transaction. */
  public Optional<ProjectionRow> lock(TenantId tenant, String name) throws SQLException {
    return query(tenant, "SELECT " + COLUMNS + " FROM projections WHERE name = ? FOR UPDATE", name)
        .stream()
        .findFirst();
  }

  /** Every projection row of the tenant, by name. */
  public List<ProjectionRow> list(TenantId tenant) throws SQLException {
    return query(tenant, "SELECT " + COLUMNS + " FROM projections ORDER BY name");
  }

  /** Records a rebuild into {@code generation} (the row's next one). */
  public void startRebuild(TenantId tenant, String name, int generation) throws SQLException {
    update(
        tenant,
        "UPDATE projections SET building_generation = ?::integer,"
            + " next_generation = ?::integer + 1, rebuild_started_at = now(),"
            + " rebuild_finished_at = NULL WHERE name = ?",
        Integer.toString(generation),
        Integer.toString(generation),
        name);
  }

  /**
   * Makes the building generation live; the replaced one becomes the retired one.
   *
   * @return false when {@code generation} is not the one being built
   */
  public boolean promote(TenantId tenant, String name, int generation) throws SQLException {
    return update(
        tenant,
        "UPDATE projections SET retired_generation = live_generation,"
            + " live_generation = building_generation, building_generation = NULL,"
            + " rebuild_finished_at = clock_timestamp()"
            + " WHERE name = ? AND building_generation = ?::integer",
        name,
        Integer.toString(generation));
  }

  /** Forgets the retired generation once its rows are gone. */
  public void retired(TenantId tenant, String name, int generation) throws SQLException {
    update(
        tenant,
        "UPDATE projections SET retired_generation = NULL"
            + " WHERE name = ? AND retired_generation = ?::integer",
        name,
        Integer.toString(generation));
  }

  /**
   * Locks a subscription's row (the live generation's) and reads its checkpoint: its delivery
   * cannot advance it until this transaction ends.
   */
  public Optional<Checkpoint> lockCheckpoint(TenantId tenant, String subscription)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT checkpoint_tx::text, checkpoint_position FROM subscriptions"
                    + " WHERE name = ? FOR UPDATE")) {
      ps.setString(1, subscription);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Checkpoint(Long.parseLong(rs.getString(1)), rs.getLong(2)))
            : Optional.empty();
      }
    }
  }

  private List<ProjectionRow> query(TenantId tenant, String sql, String... params)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      List<ProjectionRow> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      return rows;
    }
  }

  /** The row of {@link #COLUMNS} (or {@link #PREFIXED_COLUMNS}) at the result's cursor. */
  private static ProjectionRow row(ResultSet rs) throws SQLException {
    return new ProjectionRow(
        rs.getString(1),
        rs.getInt(2),
        Optional.ofNullable((Integer) rs.getObject(3)),
        Optional.ofNullable((Integer) rs.getObject(4)),
        rs.getInt(5),
        instant(rs.getObject(6, OffsetDateTime.class)),
        instant(rs.getObject(7, OffsetDateTime.class)));
  }

  private boolean update(TenantId tenant, String sql, String... params) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      return ps.executeUpdate() > 0;
    }
  }

  private static Optional<Instant> instant(OffsetDateTime t) {
    return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
  }
}
