package dev.annals.eventstore.api.upcast;

import dev.annals.dlq.api.Poison;
import dev.annals.eventstore.api.EventId;
import jakarta.ejb.ApplicationException;

/**
 * An upcaster failed on an event that must be used in its current form: a subscription's delivery
 * (the batch fails and takes the failure path; a retry meets the same event, so this is a poison
 * candidate) or an aggregate's rebuild. Plain reads never throw it: they return the event as stored
 * with an {@code upcastError}. Poison to the failure system: retrying meets the same event, so it
 * is dead-lettered at once.
 */
@ApplicationException(rollback = true)
public class UpcastFailedException extends RuntimeException implements Poison {

  private static final long serialVersionUID = 1L;

  private final transient EventId eventId;
  private final String eventType;
  private final int schemaVersion;

  /**
   * @param eventId the event
   * @param eventType its type as stored
   * @param schemaVersion its schema version as stored
   * @param error what the upcaster reported
   */
  public UpcastFailedException(EventId eventId, String eventType, int schemaVersion, String error) {
    super(
        "Event "
            + eventId
            + " ("
            + eventType
            + " at schema version "
            + schemaVersion
            + ") could not be upcast: "
            + error);
    this.eventId = eventId;
    this.eventType = eventType;
    this.schemaVersion = schemaVersion;
  }

  /** The event that could not be upcast. */
  public EventId eventId() {
    return eventId;
  }

  /** Its type as stored. */
  public String eventType() {
    return eventType;
  }

  /** Its schema version as stored. */
  public int schemaVersion() {
    return schemaVersion;
  }
}
