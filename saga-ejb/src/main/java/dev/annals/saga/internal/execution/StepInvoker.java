package dev.annals.saga.internal.execution;

import dev.annals.saga.api.StepContext;
import jakarta.json.JsonObject;

/**
 * Runs the attempts of one saga type's steps: Java steps in-process, declarative ones as HTTP
 * calls. The runner calls a {@link #transactional()} invoker inside the transaction that records
 * the outcome, so a Java step's own writes commit with its log entry or not at all; any other
 * invoker runs between two transactions (the attempt recorded before, its outcome after).
 */
public interface StepInvoker {

  /** Whether attempts run inside the transaction that records their outcome. */
  boolean transactional();

  /**
   * Runs an attempt; never throws for a failure of the step itself (that is an outcome).
   *
   * @param data the saga's data
   * @param context the attempt
   * @return what it came to
   */
  StepOutcome invoke(JsonObject data, StepContext context);
}
