package dev.annals.tenancy.api;

import jakarta.ejb.ApplicationException;

/** Something the caller named does not exist (a tenant, a stream). */
// rollback = false: nothing was written, so the caller's transaction may go on (and a refusal
// from a method outside JTA does not leave Liberty's local transaction marked rollback-only).
@ApplicationException(rollback = false)
public class ResourceNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message which resource is missing, fit to show the caller
   */
  public ResourceNotFoundException(String message) {
    super(message);
  }
}
