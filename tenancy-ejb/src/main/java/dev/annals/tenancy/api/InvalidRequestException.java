package dev.annals.tenancy.api;

import jakarta.ejb.ApplicationException;

/**
 * Input that can never succeed as sent: a malformed id, a missing field, a value out of range. The
 * message says what to change; nothing was stored.
 */
@ApplicationException(rollback = true)
public class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and how to fix it, fit to show the caller
   */
  public InvalidRequestException(String message) {
    super(message);
  }
}
