package dev.annals.eventstore.api.upcast;

import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * What an upcaster sees and returns: an event's type and payload at one schema version.
 *
 * @param type the event type
 * @param data the payload
 */
public record UpcastEvent(String type, JsonValue data) {

  /** Rejects missing parts. */
  public UpcastEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
  }

  /** The same type with another payload. */
  public UpcastEvent withData(JsonValue newData) {
    return new UpcastEvent(type, newData);
  }

  /** The same payload under another type. */
  public UpcastEvent withType(String newType) {
    return new UpcastEvent(newType, data);
  }
}
