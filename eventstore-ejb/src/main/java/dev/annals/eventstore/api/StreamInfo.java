package dev.annals.eventstore.api;

import java.time.Instant;

/**
 * A stream's head.
 *
 * @param streamId the stream
 * @param version its current version (the last event's)
 * @param createdAt when its first event was stored
 * @param lastEventAt when its last event was stored
 */
public record StreamInfo(StreamId streamId, long version, Instant createdAt, Instant lastEventAt) {}
