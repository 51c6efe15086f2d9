package dev.annals.web.rest;

import dev.annals.eventstore.api.RecordedEvent;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * A stored event on the wire.
 *
 * @param eventId its id
 * @param streamId its stream
 * @param type its type
 * @param version its version in the stream
 * @param position its checkpoint in $all
 * @param data the payload as stored
 * @param metadata the metadata as stored
 * @param recordedAt when it was stored (ISO-8601)
 */
public record EventView(
    String eventId,
    String streamId,
    String type,
    long version,
    String position,
    JsonValue data,
    JsonValue metadata,
    String recordedAt) {

  static EventView from(RecordedEvent e) {
    return new EventView(
        e.eventId().toString(),
        e.streamId().value(),
        e.type(),
        e.version(),
        e.position().toString(),
        json(e.data()),
        json(e.metadata()),
        e.recordedAt().toString());
  }

  private static JsonValue json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }
}
