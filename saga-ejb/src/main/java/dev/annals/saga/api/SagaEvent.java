package dev.annals.saga.api;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * What happens to a saga: its log, stored as the events of stream {@code saga-<id>}. Decisions that
 * involve chance or the clock (when a retry is due, when a step times out) are taken once and
 * recorded, so replaying the log always rebuilds the same saga.
 */
public sealed interface SagaEvent {

  /** When it happened. */
  Instant at();

  /**
   * The saga began.
   *
   * @param plan the steps and budgets it follows to the end
   * @param data the saga's data as given
   * @param correlationId the correlation id every step carries
   * @param deadline when the whole saga times out, if bounded
   */
  record Started(
      SagaPlan plan, JsonObject data, String correlationId, Optional<Instant> deadline, Instant at)
      implements SagaEvent {}

  /**
   * An attempt of a step began (a resumed attempt keeps its number).
   *
   * @param deadline when the step times out, fixed at its first attempt, if bounded
   */
  record StepStarted(String step, int attempt, Optional<Instant> deadline, Instant at)
      implements SagaEvent {}

  /**
   * A step's action succeeded.
   *
   * @param data the saga's data after the step
   */
  record StepSucceeded(String step, int attempt, JsonObject data, Instant at)
      implements SagaEvent {}

  /**
   * An attempt of a step failed.
   *
   * @param error what went wrong, fit to show an operator
   * @param retryAt when the next attempt is due; empty when the step failed for good
   */
  record StepFailed(String step, int attempt, String error, Optional<Instant> retryAt, Instant at)
      implements SagaEvent {}

  /**
   * A deadline passed before its work was done.
   *
   * @param step the step that timed out, or empty for the whole saga
   */
  record TimedOut(Optional<String> step, Instant at) implements SagaEvent {}

  /**
   * Undoing began: of every step that succeeded, and of every compensable step whose attempt was
   * running (its outcome is unknown), in reverse order.
   *
   * @param cancelled whether a caller cancelled the saga (it ends {@code cancelled}, otherwise
   *     {@code compensated})
   * @param reason why
   */
  record CompensationBegan(boolean cancelled, String reason, Instant at) implements SagaEvent {}

  /** An attempt of a step's compensation began. */
  record CompensationStarted(String step, int attempt, Instant at) implements SagaEvent {}

  /** A step's compensation succeeded. */
  record CompensationSucceeded(String step, int attempt, Instant at) implements SagaEvent {}

  /**
   * An attempt of a step's compensation failed.
   *
   * @param retryAt when the next attempt is due; empty when it failed for good (a dead letter)
   */
  record CompensationFailed(
      String step, int attempt, String error, Optional<Instant> retryAt, Instant at)
      implements SagaEvent {}

  /**
   * An operator asked a failed saga, or a failed compensation, to try again with fresh budgets.
   *
   * @param deadline the saga's new deadline when a failed saga runs again, if bounded
   */
  record Retried(Optional<Instant> deadline, Instant at) implements SagaEvent {}

  /** Every step succeeded. */
  record Completed(Instant at) implements SagaEvent {}

  /** Every step that needed it was undone. */
  record Compensated(Instant at) implements SagaEvent {}

  /**
   * A step failed for good with nothing to undo.
   *
   * @param reason why
   */
  record Failed(String reason, Instant at) implements SagaEvent {}

  /** The saga was cancelled and every step that needed it was undone. */
  record Cancelled(Instant at) implements SagaEvent {}
}
