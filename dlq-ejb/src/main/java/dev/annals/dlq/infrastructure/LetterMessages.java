package dev.annals.dlq.infrastructure;

import dev.annals.dlq.api.Letter;
import dev.annals.dlq.api.LetterState;
import dev.annals.tenancy.api.TenantId;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import java.time.Instant;
import java.util.UUID;

/**
 * A letter as a JMS MapMessage: plain typed entries (no Java serialization), so a message left in
 * the persistent store survives a redeploy with changed classes.
 */
public final class LetterMessages {

  private LetterMessages() {}

  /** The message for {@code letter}. */
  public static MapMessage toMessage(JMSContext jms, Letter l) throws JMSException {
    MapMessage m = jms.createMapMessage();
    m.setString("tenant", l.tenant().value());
    m.setString("consumerKind", l.consumerKind());
    m.setString("consumer", l.consumer());
    m.setString("streamId", l.streamId());
    m.setLong("streamVersion", l.streamVersion());
    m.setString("eventId", l.eventId().toString());
    m.setLong("positionTx", l.positionTx());
    m.setLong("position", l.position());
    m.setString("state", l.state().wireName());
    m.setInt("attempts", l.attempts());
    optional(m, "cause", l.cause());
    optional(m, "stackSummary", l.stackSummary());
    optional(m, "event", l.event());
    if (l.firstFailure() != null) {
      m.setLong("firstFailure", l.firstFailure().toEpochMilli());
    }
    if (l.lastFailure() != null) {
      m.setLong("lastFailure", l.lastFailure().toEpochMilli());
    }
    if (l.dueAt() != null) {
      m.setLong("dueAt", l.dueAt().toEpochMilli());
    }
    // Selectable without reading the body (tests and operators browsing the queue).
    m.setStringProperty("annalsTenant", l.tenant().value());
    m.setStringProperty("annalsEventId", l.eventId().toString());
    return m;
  }

  /** The letter a message carries. */
  public static Letter fromMessage(MapMessage m) throws JMSException {
    return new Letter(
        new TenantId(m.getString("tenant")),
        m.getString("consumerKind"),
        m.getString("consumer"),
        m.getString("streamId"),
        m.getLong("streamVersion"),
        UUID.fromString(m.getString("eventId")),
        m.getLong("positionTx"),
        m.getLong("position"),
        LetterState.parse(m.getString("state")),
        m.getInt("attempts"),
        m.itemExists("cause") ? m.getString("cause") : null,
        m.itemExists("stackSummary") ? m.getString("stackSummary") : null,
        m.itemExists("event") ? m.getString("event") : null,
        m.itemExists("firstFailure") ? Instant.ofEpochMilli(m.getLong("firstFailure")) : null,
        m.itemExists("lastFailure") ? Instant.ofEpochMilli(m.getLong("lastFailure")) : null,
        m.itemExists("dueAt") ? Instant.ofEpochMilli(m.getLong("dueAt")) : null);
  }

  /** Absent values are left out rather than set to null. */
  private static void optional(MapMessage m, String name, String value) throws JMSException {
    if (value != null) {
      m.setString(name, value);
    }
  }
}
