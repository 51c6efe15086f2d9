package dev.annals.eventstore.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.util.Objects;
import java.util.UUID;

/**
 * An event's id, unique within its tenant. Clients should supply it: resending an append with the
 * same ids is how a retry after a timeout stays safe.
 *
 * @param value the UUID
 */
public record EventId(UUID value) {

  /** Rejects a null id. */
  public EventId {
    Objects.requireNonNull(value, "value");
  }

  /** A new random id. */
  public static EventId random() {
    return new EventId(UUID.randomUUID());
  }

  /**
   * @param text a UUID in its canonical 36-character form
   * @throws InvalidRequestException when it is not one
   */
  public static EventId parse(String text) {
    if (text == null || text.length() != 36) {
      throw new InvalidRequestException("Event id must be a UUID like 3f2b1c9e-...-...: " + text);
    }
    try {
      return new EventId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("Event id must be a UUID: " + text);
    }
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
