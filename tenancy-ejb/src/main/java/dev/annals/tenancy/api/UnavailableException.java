package dev.annals.tenancy.api;

import jakarta.ejb.ApplicationException;

/**
 * Not possible right now (a database unreachable, a tenant datasource still binding, a move's
 * fence); nothing was changed or acknowledged. The same request again later is safe.
 */
@ApplicationException(rollback = true)
public class UnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message why, fit to show the caller
   */
  public UnavailableException(String message) {
    super(message);
  }

  /**
   * @param message why, fit to show the caller (never the cause's own text: it can quote SQL)
   * @param cause what failed, for the log only
   */
  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The database did not answer while trying {@code what} ("read tenant t", "change the limits of
   * tenant t"): the caller may retry.
   */
  public static UnavailableException databaseDidNotAnswer(String what, Throwable cause) {
    return new UnavailableException(
        "Could not " + what + " now: the database did not answer; retry in a moment", cause);
  }
}
