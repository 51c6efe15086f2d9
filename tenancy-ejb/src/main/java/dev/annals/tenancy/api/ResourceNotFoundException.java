package dev.annals.tenancy.api;

import jakarta.ejb.ApplicationException;

/** Something the caller named does not exist (a tenant, a stream). */
@ApplicationException(rollback = true)
public class ResourceNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message which resource is missing, fit to show the caller
   */
  public ResourceNotFoundException(String message) {
    super(message);
  }
}
