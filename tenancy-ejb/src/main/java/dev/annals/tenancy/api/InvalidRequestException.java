package dev.annals.tenancy.api;

import jakarta.ejb.ApplicationException;

/**
 * Input that can never succeed as sent: a malformed id, a missing field, a value out of range. The
 * message says what to change; nothing was stored.
 */
// rollback = false: nothing was written, so the caller's transaction may go on (and a refusal
// from a method outside JTA does not leave Liberty's local transaction marked rollback-only).
@ApplicationException(rollback = false)
public class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and how to fix it, fit to show the caller
   */
  public InvalidRequestException(String message) {
    super(message);
  }
}
