package dev.annals.eventstore.api;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored event, as a read returns it: lifted to its type's current schema by the registered
 * upcasters (see {@link dev.annals.eventstore.api.upcast}), unless read in its {@link
 * ReadForm#STORED stored form} or an upcaster failed.
 *
 * @param eventId its id
 * @param streamId its stream
 * @param type its type (after upcasting: an upcaster may rename it)
 * @param version its version within the stream, from 1
 * @param position its checkpoint in $all
 * @param data the payload as JSON text
 * @param metadata the metadata as JSON text (an object)
 * @param recordedAt when it was committed (the writing transaction's time)
 * @param schemaVersion the payload's schema version (after upcasting), from 1
 * @param upcastError why upcasting failed, when it did: the event is then in its stored form
 */
public record RecordedEvent(
    EventId eventId,
    StreamId streamId,
    String type,
    long version,
    Checkpoint position,
    String data,
    String metadata,
    Instant recordedAt,
    int schemaVersion,
    Optional<String> upcastError) {

  /** An event of schema version 1 that was not upcast. */
  public RecordedEvent(
      EventId eventId,
      StreamId streamId,
      String type,
      long version,
      Checkpoint position,
      String data,
      String metadata,
      Instant recordedAt) {
    this(
        eventId,
        streamId,
        type,
        version,
        position,
        data,
        metadata,
        recordedAt,
        1,
        Optional.empty());
  }

  /** Rejects a missing error holder. */
  public RecordedEvent {
    if (upcastError == null) {
      upcastError = Optional.empty();
    }
  }

  /** This event with another type, schema version and payload (what an upcaster made of it). */
  public RecordedEvent lifted(String newType, int newSchemaVersion, String newData) {
    return new RecordedEvent(
        eventId,
        streamId,
        newType,
        version,
        position,
        newData,
        metadata,
        recordedAt,
        newSchemaVersion,
        Optional.empty());
  }

  /** This event as stored, marked with why upcasting it failed. */
  public RecordedEvent failedUpcast(String error) {
    return new RecordedEvent(
        eventId,
        streamId,
        type,
        version,
        position,
        data,
        metadata,
        recordedAt,
        schemaVersion,
        Optional.of(error));
  }
}
