package dev.annals.eventstore.infrastructure;

import dev.annals.eventstore.api.Checkpoint;

/**
 * What the append statement decided for one append.
 *
 * @param status what became of the append
 * @param firstVersion first version stored (ok, replayed)
 * @param lastVersion last version stored (ok, replayed)
 * @param position the last event's checkpoint (ok, replayed)
 * @param currentVersion the stream's version (wrong_version), or the tenant's usage of the quota
 *     (quota_streams: its streams; quota_bytes: its stored bytes)
 */
public record AppendOutcome(
    AppendStatus status,
    long firstVersion,
    long lastVersion,
    Checkpoint position,
    long currentVersion) {}
