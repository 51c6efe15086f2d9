package dev.annals.eventstore.infrastructure;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamInfo;
import dev.annals.tenancy.api.Identifiers;
import dev.annals.tenancy.api.Placement;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The event store's reads: one call of a read function of the tenant's schema each (the function
 * binds the tenant itself and reads under Row-Level Security). Outside a JTA transaction — every
 * HTTP read — the call runs in auto-commit on a non-JTA pool: no XA enlistment, no transaction to
 * begin and commit, no separate bind, one round trip. Inside a caller's JTA transaction it runs on
 * the transaction's bound connection, so the caller reads its own uncommitted appends.
 */
@ApplicationScoped
public class EventReader {

  private static final String READ_STREAM = "SELECT * FROM %s.read_stream(?, ?, ?, ?, ?)";

  /** $all after a checkpoint; {@code %s} is the quoted schema. */
  static final String READ_ALL = "SELECT * FROM %s.read_all(?, ?::xid8, ?, ?)";

  private static final String CHECKPOINT_EXISTS = "SELECT %s.checkpoint_exists(?, ?::xid8, ?)";
  private static final String STREAM_INFO = "SELECT * FROM %s.stream_info(?, ?)";

  @EJB TenantConnections connections;

  @Resource TransactionSynchronizationRegistry transaction;

  /** One page of a stream in the given direction, at most {@code limit} events. */
  public List<RecordedEvent> readStream(
      TenantId tenant, StreamId stream, long from, Direction direction, int limit)
      throws SQLException {
    Placement placement = connections.placement(tenant);
    try (Connection c = open(tenant, placement);
        PreparedStatement ps = c.prepareStatement(sql(READ_STREAM, placement))) {
      ps.setString(1, tenant.value());
      ps.setString(2, stream.value());
      ps.setLong(3, from);
      ps.setBoolean(4, direction == Direction.FORWARD);
      ps.setInt(5, limit);
      return events(ps);
    }
  }

  /** Committed events after {@code after} that no open transaction can precede. */
  public List<RecordedEvent> readAll(TenantId tenant, Checkpoint after, int limit)
      throws SQLException {
    Placement placement = connections.placement(tenant);
    try (Connection c = open(tenant, placement);
        PreparedStatement ps = c.prepareStatement(sql(READ_ALL, placement))) {
      bindReadAll(ps, tenant.value(), after, limit);
      return events(ps);
    }
  }

  /** Binds {@link #READ_ALL}'s parameters. */
  static void bindReadAll(PreparedStatement ps, String tenant, Checkpoint after, int limit)
      throws SQLException {
    ps.setString(1, tenant);
    ps.setString(2, Long.toString(after.transactionId()));
    ps.setLong(3, after.position());
    ps.setInt(4, limit);
  }

  /** Whether {@code checkpoint} is the position of one of the tenant's events. */
  public boolean checkpointExists(TenantId tenant, Checkpoint checkpoint) throws SQLException {
    Placement placement = connections.placement(tenant);
    try (Connection c = open(tenant, placement);
        PreparedStatement ps = c.prepareStatement(sql(CHECKPOINT_EXISTS, placement))) {
      ps.setString(1, tenant.value());
      ps.setString(2, Long.toString(checkpoint.transactionId()));
      ps.setLong(3, checkpoint.position());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** The stream's head, when it exists. */
  public Optional<StreamInfo> streamInfo(TenantId tenant, StreamId stream) throws SQLException {
    Placement placement = connections.placement(tenant);
    try (Connection c = open(tenant, placement);
        PreparedStatement ps = c.prepareStatement(sql(STREAM_INFO, placement))) {
      ps.setString(1, tenant.value());
      ps.setString(2, stream.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StreamInfo(
                stream,
                rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getObject(3, OffsetDateTime.class).toInstant()));
      }
    }
  }

  /**
   * The caller's transaction's bound connection inside JTA; otherwise a pooled connection in
   * auto-commit, where each statement is its own transaction and the function's binding ends with
   * it.
   */
  private Connection open(TenantId tenant, Placement placement) throws SQLException {
    if (transaction.getTransactionKey() != null) {
      return connections.connection(tenant);
    }
    Connection c = connections.readDataSource(placement).getConnection();
    try {
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  private static String sql(String template, Placement placement) {
    return template.formatted(Identifiers.quote(placement.schema()));
  }

  private static List<RecordedEvent> events(PreparedStatement ps) throws SQLException {
    List<RecordedEvent> events = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        events.add(
            new RecordedEvent(
                new EventId(UUID.fromString(rs.getString(1))),
                new StreamId(rs.getString(2)),
                rs.getString(3),
                rs.getLong(4),
                new Checkpoint(Long.parseLong(rs.getString(5)), rs.getLong(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant()));
      }
    }
    return events;
  }
}
