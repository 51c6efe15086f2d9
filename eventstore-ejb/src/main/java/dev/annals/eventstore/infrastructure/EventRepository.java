package dev.annals.eventstore.infrastructure;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamInfo;
import dev.annals.tenancy.api.Placement;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The event store's SQL, plain JDBC on the tenant-bound connection. Table names are unqualified:
 * the connection's {@code search_path} leads to the schema that holds the tenant's data, whatever
 * its isolation mode. Row-Level Security confines every statement to the bound tenant; the explicit
 * {@code tenant_id = ?} predicates are there so the planner uses the tenant-leading indexes.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class EventRepository {

  /**
   * The columns every read returns. Casts get aliases of their own, and every ORDER BY names the
   * table's columns: a bare {@code ORDER BY transaction_id} would sort by the output column, here
   * text, and text order puts transaction 1000 before 947 — $all readers then skipped every event
   * between (found by AllPagingIT when the transaction ids crossed 999 to 1000).
   */
  private static final String COLUMNS =
      """
      SELECT e.event_id::text AS event_id_text, e.stream_id, e.event_type, e.stream_version,
             e.transaction_id::text AS transaction_id_text, e.global_position,
             e.data::text AS data_text, e.metadata::text AS metadata_text, e.recorded_at
      FROM events e
      """;

  private static final String READ_FORWARD =
      COLUMNS
          + """
          WHERE e.tenant_id = ? AND e.stream_id = ? AND e.stream_version >= ?
          ORDER BY e.stream_version LIMIT ?
          """;

  private static final String READ_BACKWARD =
      COLUMNS
          + """
          WHERE e.tenant_id = ? AND e.stream_id = ? AND e.stream_version <= ?
          ORDER BY e.stream_version DESC LIMIT ?
          """;

  /**
   * Committed events after a checkpoint, in (transaction id, position) order. Only transactions
   * below the snapshot's xmin are finished: nothing can commit before them later.
   */
  static final String READ_ALL =
      COLUMNS
          + """
          WHERE e.tenant_id = ?
            AND (e.transaction_id, e.global_position) > (?::xid8, ?)
            AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY e.transaction_id, e.global_position LIMIT ?
          """;

  private static final String CHECKPOINT_EXISTS =
      """
      SELECT 1 FROM events
      WHERE global_position = ? AND transaction_id = ?::xid8 AND tenant_id = ?
      """;

  private static final String STREAM_INFO =
      """
      SELECT version, created_at, updated_at FROM streams
      WHERE tenant_id = ? AND stream_id = ?
      """;

  @EJB TenantConnections connections;

  /**
   * Runs one append on the transaction's connection (the append function binds the tenant).
   *
   * @return what the store decided
   */
  public AppendOutcome append(AppendCommand command) throws SQLException {
    Placement placement = connections.placement(command.tenant());
    try (Connection c = connections.unboundConnection(placement)) {
      return AppendStatement.execute(c, placement.schema(), List.of(command)).get(0);
    }
  }

  /** One page of a stream in the given direction, at most {@code limit} events. */
  public List<RecordedEvent> readStream(
      TenantId tenant, StreamId stream, long from, Direction direction, int limit)
      throws SQLException {
    String sql = direction == Direction.FORWARD ? READ_FORWARD : READ_BACKWARD;
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant.value());
      ps.setString(2, stream.value());
      ps.setLong(3, from);
      ps.setInt(4, limit);
      return events(ps);
    }
  }

  /** Committed events after {@code after} that no open transaction can precede. */
  public List<RecordedEvent> readAll(TenantId tenant, Checkpoint after, int limit)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(READ_ALL)) {
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
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(CHECKPOINT_EXISTS)) {
      ps.setLong(1, checkpoint.position());
      ps.setString(2, Long.toString(checkpoint.transactionId()));
      ps.setString(3, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The stream's head, when it exists. */
  public java.util.Optional<StreamInfo> streamInfo(TenantId tenant, StreamId stream)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(STREAM_INFO)) {
      ps.setString(1, tenant.value());
      ps.setString(2, stream.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return java.util.Optional.empty();
        }
        return java.util.Optional.of(
            new StreamInfo(
                stream,
                rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getObject(3, OffsetDateTime.class).toInstant()));
      }
    }
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
