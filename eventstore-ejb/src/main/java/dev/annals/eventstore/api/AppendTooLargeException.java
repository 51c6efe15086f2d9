package dev.annals.eventstore.api;

import jakarta.ejb.ApplicationException;

/** An append over the configured limits (event count or bytes); nothing was stored. */
@ApplicationException(rollback = true)
public class AppendTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message which limit was exceeded
   */
  public AppendTooLargeException(String message) {
    super(message);
  }
}
