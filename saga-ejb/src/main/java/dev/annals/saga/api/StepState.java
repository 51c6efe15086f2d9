package dev.annals.saga.api;

import java.util.Locale;

/** Where one step of a saga is, as the API names it ({@link #wireName()}). */
public enum StepState {
  /** Not started yet. */
  PENDING,
  /** An attempt is running (or was running when its node stopped: it is resumed). */
  RUNNING,
  /** An attempt failed; the next waits for its backoff. */
  WAITING_RETRY,
  /** The action succeeded. */
  SUCCEEDED,
  /** The action failed for good (its budget ran out, it refused, or it timed out). */
  FAILED,
  /** Its compensation is running or waits for a retry. */
  COMPENSATING,
  /** Its compensation succeeded. */
  COMPENSATED,
  /** Its compensation kept failing: a dead letter. */
  COMPENSATION_FAILED;

  /** The name in JSON, e.g. {@code waiting_retry}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
