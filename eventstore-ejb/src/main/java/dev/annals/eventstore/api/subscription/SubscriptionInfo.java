package dev.annals.eventstore.api.subscription;

import dev.annals.eventstore.api.Checkpoint;
import java.time.Instant;
import java.util.Optional;

/**
 * A subscription as shown to operators (never its webhook secret).
 *
 * @param name its name
 * @param filter which events it delivers
 * @param target where it delivers them
 * @param state its state
 * @param checkpoint the last event acknowledged (or skipped by the filter)
 * @param lagEvents committed events after the checkpoint, filtered or not
 * @param lagSeconds seconds since the oldest event after the checkpoint was recorded; 0 when none
 * @param lastError the last delivery failure, if any since the last success
 * @param failures consecutive failed attempts
 * @param node the node driving it while its lease holds
 * @param eventsPerSecond recent delivery rate
 * @param delivered events delivered since creation
 * @param createdAt when it was created
 */
public record SubscriptionInfo(
    SubscriptionName name,
    SubscriptionFilter filter,
    SubscriptionTarget target,
    SubscriptionState state,
    Checkpoint checkpoint,
    long lagEvents,
    double lagSeconds,
    Optional<String> lastError,
    int failures,
    Optional<String> node,
    double eventsPerSecond,
    long delivered,
    Instant createdAt) {}
