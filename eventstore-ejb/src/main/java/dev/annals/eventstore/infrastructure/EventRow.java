package dev.annals.eventstore.infrastructure;

/**
 * An event as the insert statement takes it: every part already text.
 *
 * @param eventId the UUID
 * @param type the event type
 * @param data the payload, JSON text
 * @param metadata the completed metadata, JSON object text
 * @param schemaVersion the payload's schema version, 1 or more
 */
public record EventRow(
    String eventId, String type, String data, String metadata, int schemaVersion) {

  /** A row of schema version 1. */
  public EventRow(String eventId, String type, String data, String metadata) {
    this(eventId, type, data, metadata, 1);
  }
}
