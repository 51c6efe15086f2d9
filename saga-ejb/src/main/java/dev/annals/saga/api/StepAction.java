package dev.annals.saga.api;

/**
 * A step's action or compensation in a Java saga. It receives the saga's data and returns it as the
 * later steps should see it (the same object when it changes nothing). An exception is a failed
 * attempt, tried again within the step's budget; {@link StepRefusedException} fails the step at
 * once. It may run more than once for one step (a retry, or a node that stopped mid-step): make its
 * effects idempotent by {@link StepContext#idempotencyKey()}.
 *
 * @param <D> the saga's data
 */
@FunctionalInterface
public interface StepAction<D> {

  /**
   * @param data the saga's data
   * @param context the attempt
   * @return the data for the steps after it
   * @throws Exception when the attempt failed
   */
  D run(D data, StepContext context) throws Exception;
}
