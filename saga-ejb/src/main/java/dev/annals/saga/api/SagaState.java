package dev.annals.saga.api;

import java.util.Locale;

/** Where a saga is in its life, as the API names it ({@link #wireName()}). */
public enum SagaState {
  /** Steps are being run (or wait for a retry). */
  RUNNING,
  /** Every step succeeded. Final. */
  COMPLETED,
  /** A step failed for good, the saga timed out or was cancelled: finished steps are undone. */
  COMPENSATING,
  /** Every finished step was undone after a failure or a timeout. Final. */
  COMPENSATED,
  /** A compensation kept failing: it waits as a dead letter for an operator's retry. */
  COMPENSATION_FAILED,
  /** A step failed for good and there was nothing to undo; a retry runs that step again. */
  FAILED,
  /** Cancelled by a caller; every finished step was undone. Final. */
  CANCELLED;

  /** The name in JSON, e.g. {@code compensation_failed}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether nothing can happen to the saga any more. */
  public boolean isFinal() {
    return this == COMPLETED || this == COMPENSATED || this == CANCELLED;
  }
}
