package dev.annals.saga.api;

import dev.annals.saga.api.SagaAction.Compensate;
import dev.annals.saga.api.SagaAction.Idle;
import dev.annals.saga.api.SagaAction.RunStep;
import dev.annals.saga.api.SagaAction.TimeOut;
import dev.annals.saga.api.SagaAction.WaitUntil;
import java.time.Instant;
import java.util.Optional;

/**
 * What a {@link Saga} needs done next, read from its progress: the step or compensation to run
 * (with its attempt and idempotency key), a wait until a retry is due, a deadline that has passed,
 * or nothing. Reads the progress only; the saga checks reported outcomes against it.
 */
final class SagaAgenda {

  private final String sagaId;
  private final SagaProgress p;

  SagaAgenda(String sagaId, SagaProgress progress) {
    this.sagaId = sagaId;
    this.p = progress;
  }

  /** The action due at {@code now}; the saga must have started. */
  SagaAction next(Instant now) {
    return switch (p.state) {
      case RUNNING -> nextStep(now);
      case COMPENSATING -> nextCompensation(now);
      default -> new Idle();
    };
  }

  /** The earliest time at which {@link #next} may change without an outcome being reported. */
  Optional<Instant> wakeAt(Instant now) {
    SagaAction action = next(now);
    if (action instanceof WaitUntil wait) {
      return Optional.of(wait.time());
    }
    if (action instanceof RunStep && p.state == SagaState.RUNNING) {
      return earliest(p.deadline, p.current().deadline);
    }
    return Optional.empty();
  }

  /** The step's progress if {@code attempt} of it is the one running; throws otherwise. */
  StepProgress running(String step, int attempt) {
    requireStarted();
    StepProgress progress = p.progress(step);
    if (p.state != SagaState.RUNNING
        || progress.state != StepState.RUNNING
        || progress.attempts != attempt) {
      throw new IllegalStateException(
          "Attempt " + attempt + " of " + step + " is not running in saga " + sagaId);
    }
    return progress;
  }

  /** The step's progress if {@code attempt} of its compensation is running; throws otherwise. */
  StepProgress compensating(String step, int attempt) {
    requireStarted();
    StepProgress progress = p.progress(step);
    if (p.state != SagaState.COMPENSATING
        || progress.state != StepState.COMPENSATING
        || progress.retryAt != null
        || progress.compensationAttempts != attempt) {
      throw new IllegalStateException(
          "Compensation " + attempt + " of " + step + " is not running in saga " + sagaId);
    }
    return progress;
  }

  /** Throws unless the saga has started (its log is not empty). */
  void requireStarted() {
    if (p.state == null) {
      throw new IllegalStateException("Saga " + sagaId + " has not started");
    }
  }

  private SagaAction nextStep(Instant now) {
    StepProgress step = p.current();
    Optional<Instant> due = earliest(p.deadline, step.deadline);
    if (due.isPresent() && !now.isBefore(due.get())) {
      return new TimeOut();
    }
    return switch (step.state) {
      case PENDING -> new RunStep(step.plan.name(), 1, stepKey(step));
      case RUNNING -> new RunStep(step.plan.name(), step.attempts, stepKey(step));
      case WAITING_RETRY ->
          now.isBefore(step.retryAt)
              ? new WaitUntil(earliest(Optional.of(step.retryAt), due).orElseThrow())
              : new RunStep(step.plan.name(), step.attempts + 1, stepKey(step));
      default -> throw new IllegalStateException("Step " + step.plan.name() + " is " + step.state);
    };
  }

  private SagaAction nextCompensation(Instant now) {
    StepProgress step = p.nextToUndo().orElseThrow();
    String key = stepKey(step) + ":compensate";
    if (step.state != StepState.COMPENSATING) {
      return new Compensate(step.plan.name(), 1, key);
    }
    if (step.retryAt == null) {
      return new Compensate(step.plan.name(), step.compensationAttempts, key);
    }
    return now.isBefore(step.retryAt)
        ? new WaitUntil(step.retryAt)
        : new Compensate(step.plan.name(), step.compensationAttempts + 1, key);
  }

  private String stepKey(StepProgress step) {
    return sagaId + ":" + step.plan.name();
  }

  private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().isBefore(b.get()) ? a : b;
  }
}
