package dev.annals.eventstore.infrastructure.subscription;

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
import java.util.Optional;

/**
 * Where a checkpoint stands in the tenant's $all: the head a subscription starting "now" takes, and
 * how far a checkpoint is behind it. Both count only events no open transaction can precede, as
 * $all readers see them.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class AllPosition {

  /** Lag counts stop here: counting costs a scan of the events behind. */
  public static final long MAX_COUNTED = 1_000_000;

  private static final String VISIBLE =
      " FROM events WHERE tenant_id = ? AND (transaction_id, global_position) > (?::xid8, ?)"
          + " AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())";

  /**
   * How far behind a checkpoint is.
   *
   * @param events events after it (at most {@link #MAX_COUNTED})
   * @param oldest when the first of them was recorded
   */
  public record Lag(long events, Optional<Instant> oldest) {}

  @EJB TenantConnections connections;

  /** The tenant's last committed event no open transaction can precede, or the start. */
  public Checkpoint head(TenantId tenant) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT transaction_id::text, global_position FROM events"
                    + " WHERE tenant_id = ? AND transaction_id < pg_snapshot_xmin("
                    + "pg_current_snapshot()) ORDER BY transaction_id DESC, global_position DESC"
                    + " LIMIT 1")) {
      ps.setString(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new Checkpoint(Long.parseLong(rs.getString(1)), rs.getLong(2))
            : Checkpoint.START;
      }
    }
  }

  /** Whether {@code checkpoint} is the start or one of the tenant's events. */
  public boolean exists(TenantId tenant, Checkpoint checkpoint) throws SQLException {
    if (checkpoint.isStart()) {
      return true;
    }
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT 1 FROM events WHERE tenant_id = ? AND transaction_id = ?::xid8"
                    + " AND global_position = ?")) {
      bind(ps, tenant, checkpoint);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** How far {@code checkpoint} is behind the head. */
  public Lag lag(TenantId tenant, Checkpoint checkpoint) throws SQLException {
    try (Connection c = connections.connection(tenant)) {
      long count;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT count(*) FROM (SELECT 1" + VISIBLE + " LIMIT " + MAX_COUNTED + ") x")) {
        bind(ps, tenant, checkpoint);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          count = rs.getLong(1);
        }
      }
      if (count == 0) {
        return new Lag(0, Optional.empty());
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT recorded_at"
                  + VISIBLE
                  + " ORDER BY transaction_id, global_position LIMIT 1")) {
        bind(ps, tenant, checkpoint);
        try (ResultSet rs = ps.executeQuery()) {
          return new Lag(
              count,
              rs.next()
                  ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant())
                  : Optional.empty());
        }
      }
    }
  }

  private static void bind(PreparedStatement ps, TenantId tenant, Checkpoint checkpoint)
      throws SQLException {
    ps.setString(1, tenant.value());
    ps.setString(2, Long.toString(checkpoint.transactionId()));
    ps.setLong(3, checkpoint.position());
  }
}
