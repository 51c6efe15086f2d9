package dev.annals.web.security;

/** A valid token without the role an operation needs: 403. */
public class AccessDeniedException extends RefusedException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what the operation needs, fit to show the caller
   */
  public AccessDeniedException(String message) {
    super(message);
  }
}
