package dev.annals.eventstore.api;

import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * An event to append.
 *
 * @param eventId its id; resending the same ids makes an append idempotent
 * @param type its type
 * @param data the payload (any JSON value)
 * @param metadata caller metadata; the store adds correlation and causation ids and the principal
 * @param schemaVersion the version of the payload's schema, 1 or more; reads lift older versions
 *     with the registered upcasters
 */
public record NewEvent(
    EventId eventId, EventType type, JsonValue data, JsonObject metadata, int schemaVersion) {

  /** An event of schema version 1. */
  public NewEvent(EventId eventId, EventType type, JsonValue data, JsonObject metadata) {
    this(eventId, type, data, metadata, 1);
  }

  /**
   * Rejects missing parts.
   *
   * @throws InvalidRequestException when {@code schemaVersion} is below 1
   */
  public NewEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(metadata, "metadata");
    if (schemaVersion < 1) {
      throw new InvalidRequestException(
          "'schemaVersion' must be an integer of 1 or more, was " + schemaVersion);
    }
  }
}
