package dev.annals.saga.api;

import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * A declarative saga type as stored.
 *
 * @param type its name
 * @param definition its definition in its canonical JSON form
 * @param createdAt when it was first defined
 * @param updatedAt when it was last defined
 */
public record SagaTypeInfo(
    String type, JsonObject definition, Instant createdAt, Instant updatedAt) {}
