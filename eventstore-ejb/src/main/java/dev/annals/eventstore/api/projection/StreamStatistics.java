package dev.annals.eventstore.api.projection;

import dev.annals.eventstore.api.Checkpoint;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A tenant's stream and event statistics as the statistics projection keeps them: exact as of its
 * checkpoint, which trails the head of $all by the projection's lag.
 *
 * @param streams streams with at least one event
 * @param events events
 * @param eventsByType events per event type
 * @param lastEventAt when the last event counted was recorded; empty when there is none
 * @param checkpoint the last event counted (the start of $all when none)
 * @param generation the projection generation the numbers come from
 */
public record StreamStatistics(
    long streams,
    long events,
    SortedMap<String, Long> eventsByType,
    Optional<Instant> lastEventAt,
    Checkpoint checkpoint,
    int generation) {}
