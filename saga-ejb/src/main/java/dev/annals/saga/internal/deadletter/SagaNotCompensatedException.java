package dev.annals.saga.internal.deadletter;

/**
 * A redriven saga did not come to rest compensated: its letter stays open with one attempt more.
 */
public class SagaNotCompensatedException extends Exception {

  private static final long serialVersionUID = 1L;

  SagaNotCompensatedException(String message) {
    super(message);
  }
}
