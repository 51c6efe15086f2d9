package dev.annals.eventstore.api;

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
 */
public record NewEvent(EventId eventId, EventType type, JsonValue data, JsonObject metadata) {

  /** Rejects missing parts. */
  public NewEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(metadata, "metadata");
  }
}
