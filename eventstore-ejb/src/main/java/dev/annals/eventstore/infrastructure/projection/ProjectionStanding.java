package dev.annals.eventstore.infrastructure.projection;

import dev.annals.eventstore.api.Checkpoint;
import java.util.Optional;

/**
 * A tenant's projection as stored, with its live generation's checkpoint as last committed (read
 * without a lock, so it may be behind by the time it is used, never ahead: the checkpoint of a
 * projection generation only moves forward).
 *
 * @param row the projection's row
 * @param liveCheckpoint the live generation's checkpoint; empty when it has no subscription row
 */
public record ProjectionStanding(ProjectionRow row, Optional<Checkpoint> liveCheckpoint) {}
