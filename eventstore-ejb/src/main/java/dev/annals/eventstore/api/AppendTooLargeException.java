package dev.annals.eventstore.api;

import jakarta.ejb.ApplicationException;

/** An append over the configured limits (event count or bytes); nothing was stored. */
// rollback = false: nothing was written, so the caller's transaction may go on (and a refusal
// from a method outside JTA does not leave Liberty's local transaction marked rollback-only).
@ApplicationException(rollback = false)
public class AppendTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message which limit was exceeded
   */
  public AppendTooLargeException(String message) {
    super(message);
  }
}
