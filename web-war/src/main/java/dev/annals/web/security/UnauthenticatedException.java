package dev.annals.web.security;

/** A request without a verified token reached an operation: 401. */
public class UnauthenticatedException extends RefusedException {

  private static final long serialVersionUID = 1L;

  public UnauthenticatedException() {
    super("No valid bearer token");
  }
}
