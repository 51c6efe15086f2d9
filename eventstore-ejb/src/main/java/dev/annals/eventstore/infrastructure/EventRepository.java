package dev.annals.eventstore.infrastructure;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamInfo;
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
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The event store's SQL, plain JDBC on the tenant-bound connection. Row-Level Security already
 * confines every statement to the bound tenant; the explicit {@code tenant_id = ?} predicates are
 * there so the planner uses the tenant-leading indexes.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class EventRepository {

  private static final String LOCK_STREAM =
      """
      SELECT version FROM annals.streams WHERE tenant_id = ? AND stream_id = ? FOR UPDATE
      """;

  private static final String CREATE_STREAM =
      """
      INSERT INTO annals.streams (tenant_id, stream_id, version) VALUES (?, ?, ?)
      ON CONFLICT (tenant_id, stream_id) DO NOTHING
      """;

  private static final String ADVANCE_STREAM =
      """
      UPDATE annals.streams SET version = ?, updated_at = now()
      WHERE tenant_id = ? AND stream_id = ? AND version = ?
      """;

  private static final String FIND_IDS =
      """
      SELECT event_id::text, stream_id, stream_version, transaction_id::text, global_position,
             append_index, append_count
      FROM annals.events WHERE tenant_id = ? AND event_id = ANY (?::uuid[])
      """;

  private static final String INSERT_EVENTS =
      """
      INSERT INTO annals.events
        (tenant_id, stream_id, stream_version, event_id, event_type, data, metadata,
         append_index, append_count)
      SELECT ?, ?, ? + e.ord, e.id::uuid, e.type, e.data::jsonb, e.meta::jsonb, e.ord - 1, ?
      FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
        AS e(id, type, data, meta, ord)
      ORDER BY e.ord
      RETURNING transaction_id::text, global_position, stream_version
      """;

  private static final String COLUMNS =
      """
      SELECT event_id::text, stream_id, event_type, stream_version, transaction_id::text,
             global_position, data::text, metadata::text, recorded_at
      FROM annals.events
      """;

  private static final String READ_FORWARD =
      COLUMNS
          + """
          WHERE tenant_id = ? AND stream_id = ? AND stream_version >= ?
          ORDER BY stream_version LIMIT ?
          """;

  private static final String READ_BACKWARD =
      COLUMNS
          + """
          WHERE tenant_id = ? AND stream_id = ? AND stream_version <= ?
          ORDER BY stream_version DESC LIMIT ?
          """;

  /** Only transactions below the snapshot's xmin are finished: nothing can commit before them. */
  static final String READ_ALL =
      COLUMNS
          + """
          WHERE tenant_id = ?
            AND (transaction_id, global_position) > (?::xid8, ?)
            AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
          ORDER BY transaction_id, global_position LIMIT ?
          """;

  private static final String CHECKPOINT_EXISTS =
      """
      SELECT 1 FROM annals.events
      WHERE global_position = ? AND transaction_id = ?::xid8 AND tenant_id = ?
      """;

  private static final String STREAM_INFO =
      """
      SELECT version, created_at, updated_at FROM annals.streams
      WHERE tenant_id = ? AND stream_id = ?
      """;

  @EJB TenantConnections connections;

  /** Locks the stream's row for this transaction; its version, or empty when it does not exist. */
  public OptionalLong lockStream(TenantId tenant, StreamId stream) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(LOCK_STREAM)) {
      ps.setString(1, tenant.value());
      ps.setString(2, stream.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /**
   * Creates the stream at {@code version}. False when a concurrent transaction created it first
   * (this call waited for that one to finish).
   */
  public boolean createStream(TenantId tenant, StreamId stream, long version) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(CREATE_STREAM)) {
      ps.setString(1, tenant.value());
      ps.setString(2, stream.value());
      ps.setLong(3, version);
      return ps.executeUpdate() == 1;
    }
  }

  /** Moves a locked stream from {@code current} to {@code next}. */
  public void advanceStream(TenantId tenant, StreamId stream, long current, long next)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(ADVANCE_STREAM)) {
      ps.setLong(1, next);
      ps.setString(2, tenant.value());
      ps.setString(3, stream.value());
      ps.setLong(4, current);
      if (ps.executeUpdate() != 1) {
        throw new SQLException("stream " + stream + " changed while locked", "40001");
      }
    }
  }

  /** Where each of {@code ids} is stored; absent ids are not in the result. */
  public List<StoredEventRef> findIds(TenantId tenant, List<EventId> ids) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(FIND_IDS)) {
      ps.setString(1, tenant.value());
      ps.setArray(2, c.createArrayOf("text", ids.stream().map(EventId::toString).toArray()));
      List<StoredEventRef> found = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(
              new StoredEventRef(
                  new EventId(UUID.fromString(rs.getString(1))),
                  new StreamId(rs.getString(2)),
                  rs.getLong(3),
                  new Checkpoint(Long.parseLong(rs.getString(4)), rs.getLong(5)),
                  rs.getInt(6),
                  rs.getInt(7)));
        }
      }
      return found;
    }
  }

  /**
   * Inserts events with versions {@code afterVersion + 1 ...} in one statement.
   *
   * @return the checkpoint of the last inserted event
   */
  public Checkpoint insertEvents(
      TenantId tenant, StreamId stream, long afterVersion, List<EventRow> events)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(INSERT_EVENTS)) {
      ps.setString(1, tenant.value());
      ps.setString(2, stream.value());
      ps.setLong(3, afterVersion);
      ps.setInt(4, events.size());
      ps.setArray(5, c.createArrayOf("text", events.stream().map(e -> e.eventId()).toArray()));
      ps.setArray(6, c.createArrayOf("text", events.stream().map(e -> e.type()).toArray()));
      ps.setArray(7, c.createArrayOf("text", events.stream().map(e -> e.data()).toArray()));
      ps.setArray(8, c.createArrayOf("text", events.stream().map(e -> e.metadata()).toArray()));
      Checkpoint last = null;
      long lastVersion = -1;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getLong(3) > lastVersion) {
            lastVersion = rs.getLong(3);
            last = new Checkpoint(Long.parseLong(rs.getString(1)), rs.getLong(2));
          }
        }
      }
      if (last == null) {
        throw new SQLException("insert returned no rows");
      }
      return last;
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
      ps.setString(1, tenant.value());
      ps.setString(2, Long.toString(after.transactionId()));
      ps.setLong(3, after.position());
      ps.setInt(4, limit);
      return events(ps);
    }
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
