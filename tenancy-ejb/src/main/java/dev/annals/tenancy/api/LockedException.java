package dev.annals.tenancy.api;

import jakarta.ejb.ApplicationException;

/** The resource exists but refuses this change in its current state (HTTP 423). */
// rollback = false: nothing was written, so the caller's transaction may go on (and a refusal
// from a method outside JTA does not leave Liberty's local transaction marked rollback-only).
@ApplicationException(rollback = false)
public class LockedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message why, fit to show the caller
   */
  public LockedException(String message) {
    super(message);
  }
}
