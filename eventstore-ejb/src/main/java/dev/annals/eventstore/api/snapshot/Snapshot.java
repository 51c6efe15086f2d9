package dev.annals.eventstore.api.snapshot;

import dev.annals.eventstore.api.StreamId;
import java.time.Instant;

/**
 * A stored snapshot: a stream's state, folded by whoever wrote it, as of a version.
 *
 * @param streamId the stream
 * @param version the stream version the state covers (its events 1..version)
 * @param schemaVersion the writer's schema version of {@code state}
 * @param state the state as JSON text
 * @param takenAt when it was stored
 */
public record Snapshot(
    StreamId streamId, long version, int schemaVersion, String state, Instant takenAt) {}
