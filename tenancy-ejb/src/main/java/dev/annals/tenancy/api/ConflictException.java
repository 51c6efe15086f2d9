package dev.annals.tenancy.api;

import jakarta.ejb.ApplicationException;

/**
 * The request is well-formed but conflicts with the current state (a tenant that exists already, a
 * stale expected version). Subclasses carry what the caller needs to resolve it.
 */
// rollback = false: nothing was written, so the caller's transaction may go on (and a refusal
// from a method outside JTA does not leave Liberty's local transaction marked rollback-only).
@ApplicationException(rollback = false)
public class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what conflicts, fit to show the caller
   */
  public ConflictException(String message) {
    super(message);
  }
}
