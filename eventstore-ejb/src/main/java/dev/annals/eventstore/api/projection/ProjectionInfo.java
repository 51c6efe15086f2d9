package dev.annals.eventstore.api.projection;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.subscription.SubscriptionState;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's projection as shown to operators.
 *
 * @param name its name
 * @param generation the live generation, the one readers use
 * @param state the live generation's delivery state
 * @param checkpoint the live generation's checkpoint: its rows are as of this event
 * @param lagEvents committed events after that checkpoint (counted up to a bound)
 * @param lagSeconds age of the oldest of them; 0 when none
 * @param eventsPerSecond the live generation's recent rate
 * @param lastError the live generation's last failure, if any since its last success
 * @param rebuild the rebuild under way, if any
 * @param lastRebuildFinishedAt when the last rebuild replaced the live generation
 */
public record ProjectionInfo(
    ProjectionName name,
    int generation,
    SubscriptionState state,
    Checkpoint checkpoint,
    long lagEvents,
    double lagSeconds,
    double eventsPerSecond,
    Optional<String> lastError,
    Optional<RebuildProgress> rebuild,
    Optional<Instant> lastRebuildFinishedAt) {}
