package dev.annals.eventstore.infrastructure;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.StreamId;

/**
 * Where a stored event id lives, for the idempotency check.
 *
 * @param eventId the id
 * @param streamId its stream
 * @param version its version there
 * @param position its checkpoint
 * @param appendIndex its place (from 0) in the append that stored it
 * @param appendCount how many events that append stored
 */
public record StoredEventRef(
    EventId eventId,
    StreamId streamId,
    long version,
    Checkpoint position,
    int appendIndex,
    int appendCount) {}
