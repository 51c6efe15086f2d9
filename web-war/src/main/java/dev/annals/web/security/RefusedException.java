package dev.annals.web.security;

/** A request refused by access control: 401 without a verified token, 403 without the role. */
public abstract class RefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  RefusedException(String message) {
    super(message);
  }
}
