package dev.annals.web.rest;

import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.EventType;
import dev.annals.eventstore.api.ExpectedVersion;
import dev.annals.eventstore.api.NewEvent;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an append body into the event store's terms, naming the exact field at fault: {@code
 * {"expectedVersion": "any" | "no_stream" | "exists" | n, "events": [{"eventId"?, "type",
 * "schemaVersion"?, "data", "metadata"?}]}}.
 */
final class AppendRequestParser {

  /** A parsed append. */
  record ParsedAppend(ExpectedVersion expected, List<NewEvent> events) {}

  private AppendRequestParser() {}

  static ParsedAppend parse(JsonObject body) {
    ExpectedVersion expected = expectedVersion(body.get("expectedVersion"));
    JsonValue eventsValue = body.get("events");
    if (!(eventsValue instanceof JsonArray array)) {
      throw new InvalidRequestException("'events' is required and must be an array of events");
    }
    if (array.isEmpty()) {
      throw new InvalidRequestException("'events' must hold at least one event");
    }
    List<NewEvent> events = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      events.add(event(array.get(i), "events[" + i + "]"));
    }
    return new ParsedAppend(expected, events);
  }

  static ExpectedVersion expectedVersion(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return new ExpectedVersion.Any();
    }
    if (value instanceof JsonString s) {
      switch (s.getString()) {
        case "any":
          return new ExpectedVersion.Any();
        case "no_stream":
          return new ExpectedVersion.NoStream();
        case "exists":
          return new ExpectedVersion.StreamExists();
        default:
          break;
      }
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      try {
        // BigDecimal's exact conversion refuses huge exponents at once; a BigInteger would be
        // built.
        long version = n.bigDecimalValue().longValueExact();
        if (version >= 0) {
          return new ExpectedVersion.Exact(version);
        }
      } catch (ArithmeticException e) {
        // falls through to the error below
      }
    }
    throw new InvalidRequestException(
        "'expectedVersion' must be \"any\", \"no_stream\", \"exists\" or an integer of 0 or more,"
            + " was "
            + value);
  }

  private static NewEvent event(JsonValue value, String where) {
    if (!(value instanceof JsonObject event)) {
      throw new InvalidRequestException(where + " must be an object");
    }
    JsonValue id = event.get("eventId");
    EventId eventId;
    if (id == null || id == JsonValue.NULL) {
      eventId = EventId.random();
    } else if (id instanceof JsonString s) {
      eventId = EventId.parse(s.getString());
    } else {
      throw new InvalidRequestException(where + ".eventId must be a UUID string");
    }
    if (!(event.get("type") instanceof JsonString type)) {
      throw new InvalidRequestException(where + ".type is required and must be a string");
    }
    EventType eventType;
    try {
      eventType = new EventType(type.getString());
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(where + ".type: " + e.getMessage());
    }
    if (!event.containsKey("data")) {
      throw new InvalidRequestException(where + ".data is required (any JSON value)");
    }
    JsonValue metadata = event.get("metadata");
    if (metadata != null && metadata != JsonValue.NULL && !(metadata instanceof JsonObject)) {
      throw new InvalidRequestException(where + ".metadata must be an object");
    }
    return new NewEvent(
        eventId,
        eventType,
        event.get("data"),
        metadata instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT,
        schemaVersion(event.get("schemaVersion"), where));
  }

  /** An event's schema version: absent or null is 1, else an integer from 1 to 2^31 - 1. */
  static int schemaVersion(JsonValue value, String where) {
    if (value == null || value == JsonValue.NULL) {
      return 1;
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      try {
        int version = n.bigDecimalValue().intValueExact();
        if (version >= 1) {
          return version;
        }
      } catch (ArithmeticException e) {
        // falls through to the error below
      }
    }
    throw new InvalidRequestException(
        where + ".schemaVersion must be an integer from 1 to 2147483647, was " + value);
  }
}
