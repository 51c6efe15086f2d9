package dev.annals.saga.api;

import java.time.Instant;

/**
 * A saga in a list, from the saga index.
 *
 * @param id its id
 * @param type its type
 * @param state where it is
 * @param correlationId its correlation id
 * @param startedAt when it started
 * @param updatedAt when its log last grew
 */
public record SagaSummary(
    String id,
    String type,
    SagaState state,
    String correlationId,
    Instant startedAt,
    Instant updatedAt) {}
