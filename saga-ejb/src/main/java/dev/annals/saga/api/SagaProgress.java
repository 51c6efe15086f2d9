package dev.annals.saga.api;

import dev.annals.saga.api.SagaEvent.Cancelled;
import dev.annals.saga.api.SagaEvent.Compensated;
import dev.annals.saga.api.SagaEvent.CompensationBegan;
import dev.annals.saga.api.SagaEvent.CompensationFailed;
import dev.annals.saga.api.SagaEvent.CompensationStarted;
import dev.annals.saga.api.SagaEvent.CompensationSucceeded;
import dev.annals.saga.api.SagaEvent.Completed;
import dev.annals.saga.api.SagaEvent.Failed;
import dev.annals.saga.api.SagaEvent.Retried;
import dev.annals.saga.api.SagaEvent.Started;
import dev.annals.saga.api.SagaEvent.StepFailed;
import dev.annals.saga.api.SagaEvent.StepStarted;
import dev.annals.saga.api.SagaEvent.StepSucceeded;
import dev.annals.saga.api.SagaEvent.TimedOut;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Saga}'s state as its log makes it: the fold of its events and the lookups its decisions
 * need. Changed only by {@link #apply}: the saga decides and raises, this remembers.
 */
final class SagaProgress {

  SagaPlan plan;
  SagaState state;
  JsonObject data;
  String correlationId;
  Optional<Instant> deadline = Optional.empty();
  Instant startedAt;
  Instant finishedAt;
  String failure;
  boolean cancelled;
  final List<StepProgress> steps = new ArrayList<>();

  void apply(SagaEvent event) {
    if (event instanceof Started e) {
      plan = e.plan();
      state = SagaState.RUNNING;
      data = e.data();
      correlationId = e.correlationId();
      deadline = e.deadline();
      startedAt = e.at();
      e.plan().steps().forEach(s -> steps.add(new StepProgress(s)));
    } else if (event instanceof StepStarted e) {
      progress(e.step()).started(e);
    } else if (event instanceof StepSucceeded e) {
      progress(e.step()).succeeded(e.at());
      data = e.data();
    } else if (event instanceof StepFailed e) {
      progress(e.step()).failed(e.error(), e.retryAt(), e.at());
    } else if (event instanceof TimedOut e) {
      e.step().ifPresent(s -> progress(s).timedOut(e.at()));
    } else if (event instanceof CompensationBegan e) {
      state = SagaState.COMPENSATING;
      cancelled = e.cancelled();
      failure = e.reason();
      steps.forEach(StepProgress::markForUndo);
    } else if (event instanceof CompensationStarted e) {
      progress(e.step()).compensationStarted(e.attempt());
    } else if (event instanceof CompensationSucceeded e) {
      progress(e.step()).compensated(e.at());
    } else if (event instanceof CompensationFailed e) {
      progress(e.step()).compensationFailed(e.error(), e.retryAt(), e.at());
      if (e.retryAt().isEmpty()) {
        state = SagaState.COMPENSATION_FAILED;
      }
    } else if (event instanceof Retried e) {
      applyRetry(e);
    } else if (event instanceof Completed e) {
      finish(SagaState.COMPLETED, e.at());
    } else if (event instanceof Compensated e) {
      finish(SagaState.COMPENSATED, e.at());
    } else if (event instanceof Failed e) {
      failure = e.reason();
      finish(SagaState.FAILED, e.at());
    } else if (event instanceof Cancelled e) {
      failure = "cancelled";
      finish(SagaState.CANCELLED, e.at());
    }
  }

  void applyRetry(Retried retried) {
    if (state == SagaState.FAILED) {
      steps.stream().filter(s -> s.state == StepState.FAILED).forEach(StepProgress::reset);
      state = SagaState.RUNNING;
      deadline = retried.deadline();
    } else {
      steps.stream()
          .filter(s -> s.state == StepState.COMPENSATION_FAILED)
          .forEach(StepProgress::resetCompensation);
      state = SagaState.COMPENSATING;
    }
    failure = null;
    finishedAt = null;
  }

  void finish(SagaState end, Instant at) {
    state = end;
    finishedAt = at;
  }

  StepProgress current() {
    return steps.stream()
        .filter(s -> s.state != StepState.SUCCEEDED)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The saga has no step left"));
  }

  Optional<StepProgress> nextToUndo() {
    for (int i = steps.size() - 1; i >= 0; i--) {
      StepProgress step = steps.get(i);
      if (step.toUndo && step.state != StepState.COMPENSATED) {
        return Optional.of(step);
      }
    }
    return Optional.empty();
  }

  StepProgress progress(String step) {
    int index = plan.indexOf(step);
    if (index < 0) {
      throw new IllegalStateException("The saga has no step " + step);
    }
    return steps.get(index);
  }
}
