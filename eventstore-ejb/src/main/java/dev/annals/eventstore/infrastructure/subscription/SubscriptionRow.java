package dev.annals.eventstore.infrastructure.subscription;

import dev.annals.eventstore.api.Checkpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A subscription as stored.
 *
 * @param name its name
 * @param streamPrefix the filter's prefix, if any
 * @param eventTypes the filter's types (empty: all)
 * @param handler the handler's name, for a handler target
 * @param webhookUrl the URL, for a webhook target
 * @param webhookSecret the signing secret, for a webhook target
 * @param state running, paused or stopped
 * @param checkpoint where delivery continues
 * @param delivered events delivered so far
 * @param eventsPerSecond the recent rate
 * @param failures consecutive failed attempts
 * @param lastError the last failure
 * @param node the lease holder, while the lease holds
 * @param createdAt when created
 */
public record SubscriptionRow(
    String name,
    Optional<String> streamPrefix,
    List<String> eventTypes,
    Optional<String> handler,
    Optional<String> webhookUrl,
    Optional<String> webhookSecret,
    StoredState state,
    Checkpoint checkpoint,
    long delivered,
    double eventsPerSecond,
    int failures,
    Optional<String> lastError,
    Optional<String> node,
    Instant createdAt) {}
