package dev.annals.saga.api;

import java.time.Instant;
import java.util.Optional;

/**
 * One step of a saga as callers see it.
 *
 * @param name the step's name
 * @param state where it is
 * @param attempts attempts of its action so far
 * @param compensationAttempts attempts of its compensation so far
 * @param startedAt when its first attempt began
 * @param finishedAt when it succeeded, failed for good or was undone
 * @param error the last failure's message, while it matters
 */
public record StepStatus(
    String name,
    StepState state,
    int attempts,
    int compensationAttempts,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt,
    Optional<String> error) {}
