package dev.annals.eventstore.api;

import dev.annals.tenancy.api.UnavailableException;
import jakarta.ejb.ApplicationException;

/**
 * The append could not be completed now (the database is unreachable, or the append lost a deadlock
 * race several times); nothing is acknowledged. Retrying with the same event ids is safe: if the
 * first attempt did commit, the retry answers its result.
 */
@ApplicationException(rollback = true)
public class StoreUnavailableException extends UnavailableException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message why, fit to show the caller
   */
  public StoreUnavailableException(String message) {
    super(message);
  }

  /**
   * @param message why, fit to show the caller
   * @param cause what failed, for the log only
   */
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
