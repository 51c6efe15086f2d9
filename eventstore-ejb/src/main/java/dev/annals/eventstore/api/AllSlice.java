package dev.annals.eventstore.api;

import java.util.List;

/**
 * A page of a tenant's $all.
 *
 * @param events committed events after the requested checkpoint, in checkpoint order
 * @param checkpoint where the next page starts: the last event's, or the one passed in when empty
 */
public record AllSlice(List<RecordedEvent> events, Checkpoint checkpoint) {}
