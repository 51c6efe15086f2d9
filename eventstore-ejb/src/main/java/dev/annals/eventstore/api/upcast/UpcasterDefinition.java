package dev.annals.eventstore.api.upcast;

import jakarta.json.JsonArray;
import java.time.Instant;

/**
 * A tenant's declarative upcaster, as stored.
 *
 * @param eventType the event type it lifts
 * @param fromVersion the schema version it lifts from (to {@code fromVersion + 1})
 * @param operations the operations, applied in order (see docs/event-sourcing.md)
 * @param updatedAt when it was last stored
 */
public record UpcasterDefinition(
    String eventType, int fromVersion, JsonArray operations, Instant updatedAt) {}
