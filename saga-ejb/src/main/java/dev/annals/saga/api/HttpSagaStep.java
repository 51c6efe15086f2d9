package dev.annals.saga.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a declarative saga type: an HTTP call that succeeds on a 2xx (its JSON object answer
 * merged into the saga's data), fails for good on a 4xx and is retried within the budget on a 5xx
 * or no answer; and the call that undoes it, if any.
 *
 * @param name the step's name (see {@link StepPlan})
 * @param action the call that does the step
 * @param compensation the call that undoes it, if it can be undone
 * @param retry its retry budget, used for its compensation too
 * @param timeout how long it may take from its first attempt, if bounded
 */
public record HttpSagaStep(
    String name,
    HttpCall action,
    Optional<HttpCall> compensation,
    RetryBudget retry,
    Optional<Duration> timeout) {

  /** Checks the parts. */
  public HttpSagaStep {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(compensation, "compensation");
    new StepPlan(name, compensation.isPresent(), retry, timeout);
  }

  /** What the orchestrator follows of it. */
  public StepPlan plan() {
    return new StepPlan(name, compensation.isPresent(), retry, timeout);
  }
}
