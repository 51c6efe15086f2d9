package dev.annals.it.probe;

import jakarta.ejb.ApplicationException;

/**
 * Thrown by a probe after its work, like a domain rule violated late; it rolls the transaction back
 * and reaches the caller unwrapped, as the application's domain exceptions do.
 */
@ApplicationException(rollback = true)
public class ProbeRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProbeRejectedException(String message) {
    super(message);
  }
}
