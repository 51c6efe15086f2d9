package dev.annals.eventstore.api;

/**
 * What an append stored.
 *
 * @param streamId the stream
 * @param firstVersion the first appended event's version
 * @param lastVersion the last appended event's version
 * @param position the last event's checkpoint in $all
 * @param replayed true when these exact events were stored earlier and this call stored nothing
 */
public record AppendResult(
    StreamId streamId,
    long firstVersion,
    long lastVersion,
    Checkpoint position,
    boolean replayed) {}
