package dev.annals.eventstore.infrastructure;

import dev.annals.eventstore.api.Checkpoint;

/**
 * What the append statement decided for one append.
 *
 * @param status {@code ok}, {@code replayed}, {@code wrong_version}, {@code id_conflict} or {@code
 *     retry} (lost a deadlock or serialization race; nothing was stored)
 * @param firstVersion first version stored (ok, replayed)
 * @param lastVersion last version stored (ok, replayed)
 * @param position the last event's checkpoint (ok, replayed)
 * @param currentVersion the stream's version (wrong_version)
 */
public record AppendOutcome(
    String status, long firstVersion, long lastVersion, Checkpoint position, long currentVersion) {}
