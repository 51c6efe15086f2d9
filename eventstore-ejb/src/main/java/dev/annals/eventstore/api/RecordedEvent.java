package dev.annals.eventstore.api;

import java.time.Instant;

/**
 * A stored event.
 *
 * @param eventId its id
 * @param streamId its stream
 * @param type its type
 * @param version its version within the stream, from 1
 * @param position its checkpoint in $all
 * @param data the payload as JSON text
 * @param metadata the metadata as JSON text (an object)
 * @param recordedAt when it was committed (the writing transaction's time)
 */
public record RecordedEvent(
    EventId eventId,
    StreamId streamId,
    String type,
    long version,
    Checkpoint position,
    String data,
    String metadata,
    Instant recordedAt) {}
