package dev.annals.saga.api;

import java.time.Instant;
import java.util.Optional;

/** One step's progress inside a {@link Saga}: mutable, folded from the saga's log only. */
final class StepProgress {

  final StepPlan plan;
  StepState state = StepState.PENDING;
  int attempts;
  int compensationAttempts;
  Optional<Instant> deadline = Optional.empty();

  /** When the next attempt (of the action or of the compensation) is due; null when none waits. */
  Instant retryAt;

  /** Whether the step is among those compensation undoes. */
  boolean toUndo;

  private Instant startedAt;
  private Instant finishedAt;
  private String error;
  private boolean outcomeUnknown;
  private StepState beforeUndo;

  StepProgress(StepPlan plan) {
    this.plan = plan;
  }

  void started(SagaEvent.StepStarted e) {
    state = StepState.RUNNING;
    attempts = e.attempt();
    deadline = e.deadline();
    retryAt = null;
    if (startedAt == null) {
      startedAt = e.at();
    }
  }

  void succeeded(Instant at) {
    state = StepState.SUCCEEDED;
    finishedAt = at;
    error = null;
  }

  void failed(String message, Optional<Instant> next, Instant at) {
    attemptFailed(message, next, at, StepState.WAITING_RETRY, StepState.FAILED);
  }

  private void attemptFailed(
      String message, Optional<Instant> next, Instant at, StepState waiting, StepState failed) {
    error = message;
    if (next.isPresent()) {
      state = waiting;
      retryAt = next.get();
    } else {
      state = failed;
      finishedAt = at;
    }
  }

  void timedOut(Instant at) {
    outcomeUnknown = state == StepState.RUNNING;
    error = "timed out";
    state = StepState.FAILED;
    retryAt = null;
    finishedAt = at;
  }

  /** Whether compensation must undo this step: it succeeded, or its outcome is unknown. */
  boolean needsUndo() {
    return plan.compensable()
        && (state == StepState.SUCCEEDED || state == StepState.RUNNING || outcomeUnknown);
  }

  void markForUndo() {
    toUndo = needsUndo();
    if (toUndo) {
      beforeUndo = state;
    }
  }

  void compensationStarted(int attempt) {
    state = StepState.COMPENSATING;
    compensationAttempts = attempt;
    retryAt = null;
  }

  void compensated(Instant at) {
    state = StepState.COMPENSATED;
    finishedAt = at;
    error = null;
  }

  void compensationFailed(String message, Optional<Instant> next, Instant at) {
    attemptFailed(message, next, at, StepState.COMPENSATING, StepState.COMPENSATION_FAILED);
  }

  /** A fresh budget for a failed step. */
  void reset() {
    state = StepState.PENDING;
    attempts = 0;
    deadline = Optional.empty();
    retryAt = null;
    finishedAt = null;
    outcomeUnknown = false;
  }

  /** A fresh budget for a failed compensation. */
  void resetCompensation() {
    state = beforeUndo;
    compensationAttempts = 0;
    retryAt = null;
    finishedAt = null;
  }

  StepStatus status() {
    return new StepStatus(
        plan.name(),
        state,
        attempts,
        compensationAttempts,
        Optional.ofNullable(startedAt),
        Optional.ofNullable(finishedAt),
        Optional.ofNullable(error));
  }
}
