package dev.annals.web.rest.deadletter;

import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/** Reads dead-letter bodies by hand, naming the field at fault; unknown fields are refused. */
final class DeadLetterBodies {

  /**
   * A bulk redrive's selection.
   *
   * @param consumer the consumer
   * @param stream one stream only, if given
   */
  record Selection(String consumer, Optional<String> stream) {}

  private DeadLetterBodies() {}

  /** {@code {"reason"}}. */
  static String reason(JsonObject json) {
    only(json, Set.of("reason"));
    return string(json, "reason")
        .filter(r -> !r.isBlank())
        .orElseThrow(() -> new InvalidRequestException("'reason' is required (a string)"));
  }

  /** {@code {"consumer", "stream"?}}. */
  static Selection selection(JsonObject json) {
    only(json, Set.of("consumer", "stream"));
    String consumer =
        string(json, "consumer")
            .filter(c -> !c.isBlank())
            .orElseThrow(() -> new InvalidRequestException("'consumer' is required (a string)"));
    return new Selection(consumer, string(json, "stream"));
  }

  /** A letter id from the path. */
  static long id(String raw) {
    try {
      long id = Long.parseLong(raw);
      if (id < 1) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("a dead letter's id is a whole number of 1 or more");
    }
  }

  private static Optional<String> string(JsonObject json, String field) {
    JsonValue v = json.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (!(v instanceof JsonString s)) {
      throw new InvalidRequestException("'" + field + "' must be a string");
    }
    return Optional.of(s.getString());
  }

  private static void only(JsonObject json, Set<String> fields) {
    for (String field : json.keySet()) {
      if (!fields.contains(field)) {
        throw new InvalidRequestException("Unknown field '" + field + "'");
      }
    }
  }
}
