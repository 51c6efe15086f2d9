package dev.annals.saga.internal.execution;

import java.util.Optional;

/** The invokers of one saga type's steps, by step name. */
public interface SagaSteps {

  /** The invoker of a step's action, or empty when the type has no such step (any more). */
  Optional<StepInvoker> action(String step);

  /** The invoker of a step's compensation, or empty when it has none (any more). */
  Optional<StepInvoker> compensation(String step);
}
