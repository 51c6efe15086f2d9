package dev.annals.web.rest;

import dev.annals.eventstore.api.RecordedEvent;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stored event on the wire. {@code data} and {@code metadata} are the stored JSON text itself,
 * written into the response as they are ({@link EventPagesWriter}): never parsed and re-serialised.
 *
 * @param eventId its id
 * @param streamId its stream
 * @param type its type
 * @param version its version in the stream
 * @param position its checkpoint in $all
 * @param data the payload as stored (JSON)
 * @param metadata the metadata as stored (a JSON object)
 * @param recordedAt when it was stored (ISO-8601)
 * @param schemaVersion the payload's schema version, after upcasting
 * @param upcastError why upcasting failed (the event is then as stored), or null
 */
public record EventView(
    @Schema(required = true, format = "uuid") String eventId,
    @Schema(required = true) String streamId,
    @Schema(required = true) String type,
    @Schema(required = true, minimum = "1") long version,
    @Schema(required = true) String position,
    @Schema(
            required = true,
            ref = "JsonValue",
            description = "the payload: lifted to the current schema, or as appended with raw=true")
        String data,
    @Schema(
            required = true,
            type = SchemaType.OBJECT,
            additionalProperties = Schema.True.class,
            description = "the metadata object as stored")
        String metadata,
    @Schema(required = true, format = "date-time") String recordedAt,
    @Schema(
            required = true,
            minimum = "1",
            description =
                "the payload's schema version: after upcasting, or as stored with raw=true or an"
                    + " upcastError")
        int schemaVersion,
    @Schema(
            description =
                "present only when an upcaster failed on this event: why; the event is then"
                    + " returned as stored")
        String upcastError) {

  /** The wire form of a stored event. */
  public static EventView from(RecordedEvent e) {
    return new EventView(
        e.eventId().toString(),
        e.streamId().value(),
        e.type(),
        e.version(),
        e.position().toString(),
        e.data(),
        e.metadata(),
        e.recordedAt().toString(),
        e.schemaVersion(),
        e.upcastError().orElse(null));
  }
}
