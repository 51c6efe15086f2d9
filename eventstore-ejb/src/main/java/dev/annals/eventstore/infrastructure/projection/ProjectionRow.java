package dev.annals.eventstore.infrastructure.projection;

import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's projection as stored.
 *
 * @param name the projection
 * @param live the generation readers use
 * @param building the generation a rebuild is filling, if any
 * @param retired a replaced generation whose rows are still to be discarded
 * @param next the generation the next rebuild gets
 * @param rebuildStartedAt when the last rebuild started
 * @param rebuildFinishedAt when the last rebuild replaced the live generation
 */
public record ProjectionRow(
    String name,
    int live,
    Optional<Integer> building,
    Optional<Integer> retired,
    int next,
    Optional<Instant> rebuildStartedAt,
    Optional<Instant> rebuildFinishedAt) {}
