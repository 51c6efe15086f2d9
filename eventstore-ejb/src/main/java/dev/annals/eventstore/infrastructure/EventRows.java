package dev.annals.eventstore.infrastructure;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Events as the read functions return them: their first ten columns are the event id, stream, type,
 * version, transaction id (text), global position, data, metadata, recording time and schema
 * version, in that order.
 */
final class EventRows {

  private EventRows() {}

  /** Every row of the query as an event. */
  static List<RecordedEvent> all(PreparedStatement ps) throws SQLException {
    List<RecordedEvent> events = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        events.add(of(rs));
      }
    }
    return events;
  }

  /** The event of the current row (the read functions' first ten columns). */
  static RecordedEvent of(ResultSet rs) throws SQLException {
    return new RecordedEvent(
        new EventId(UUID.fromString(rs.getString(1))),
        new StreamId(rs.getString(2)),
        rs.getString(3),
        rs.getLong(4),
        new Checkpoint(Long.parseLong(rs.getString(5)), rs.getLong(6)),
        rs.getString(7),
        rs.getString(8),
        rs.getObject(9, OffsetDateTime.class).toInstant(),
        rs.getInt(10),
        Optional.empty());
  }
}
