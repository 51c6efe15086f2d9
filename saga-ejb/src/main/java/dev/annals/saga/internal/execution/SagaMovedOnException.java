package dev.annals.saga.internal.execution;

/**
 * A saga's log grew between loading and saving: another node (or an operator) acted on it first.
 * What this node decided is dropped; it loads the saga again.
 */
public class SagaMovedOnException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message which saga
   */
  public SagaMovedOnException(String message) {
    super(message);
  }
}
