package dev.annals.saga.api;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A saga as its log makes it.
 *
 * @param id its id
 * @param type its type
 * @param state where it is
 * @param data its data as the last succeeded step left it
 * @param correlationId the correlation id its steps carry
 * @param startedAt when it started
 * @param finishedAt when it reached its final or failed state
 * @param failure why it compensates, compensated, failed or was cancelled
 * @param steps its steps in order
 */
public record SagaView(
    String id,
    String type,
    SagaState state,
    JsonObject data,
    String correlationId,
    Instant startedAt,
    Optional<Instant> finishedAt,
    Optional<String> failure,
    List<StepStatus> steps) {

  /** The view of a saga rebuilt from its log. */
  public static SagaView of(Saga saga) {
    return new SagaView(
        saga.id(),
        saga.plan().type(),
        saga.state(),
        saga.data(),
        saga.correlationId(),
        saga.startedAt(),
        saga.finishedAt(),
        saga.failure(),
        saga.steps());
  }
}
