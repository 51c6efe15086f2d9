package dev.annals.saga.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a Java saga type: its action, its compensation if it can be undone, its retry budget
 * and how long it may take in all.
 *
 * @param name the step's name (see {@link StepPlan})
 * @param action what it does
 * @param compensation how it is undone, if it can be
 * @param retry its retry budget, used for its compensation too
 * @param timeout how long it may take from its first attempt, if bounded
 * @param <D> the saga's data
 */
public record SagaStep<D>(
    String name,
    StepAction<D> action,
    Optional<StepAction<D>> compensation,
    RetryBudget retry,
    Optional<Duration> timeout) {

  /** Checks the parts. */
  public SagaStep {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(compensation, "compensation");
    plan(name, compensation.isPresent(), retry, timeout);
  }

  /** A step with a compensation and the default budget. */
  public static <D> SagaStep<D> of(String name, StepAction<D> action, StepAction<D> compensation) {
    return new SagaStep<>(
        name, action, Optional.of(compensation), RetryBudget.DEFAULT, Optional.empty());
  }

  /** A step that cannot be undone (typically the last), with the default budget. */
  public static <D> SagaStep<D> withoutCompensation(String name, StepAction<D> action) {
    return new SagaStep<>(name, action, Optional.empty(), RetryBudget.DEFAULT, Optional.empty());
  }

  /** This step with another retry budget. */
  public SagaStep<D> retrying(RetryBudget budget) {
    return new SagaStep<>(name, action, compensation, budget, timeout);
  }

  /** This step bounded in time. */
  public SagaStep<D> timingOutAfter(Duration limit) {
    return new SagaStep<>(name, action, compensation, retry, Optional.of(limit));
  }

  /** What the orchestrator follows of it. */
  public StepPlan plan() {
    return plan(name, compensation.isPresent(), retry, timeout);
  }

  private static StepPlan plan(
      String name, boolean compensable, RetryBudget retry, Optional<Duration> timeout) {
    return new StepPlan(name, compensable, retry, timeout);
  }
}
