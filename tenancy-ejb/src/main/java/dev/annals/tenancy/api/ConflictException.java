package dev.annals.tenancy.api;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Optional;

/**
 * The request is well-formed but conflicts with the current state (a tenant that exists already, a
 * stale expected version). Subclasses carry what the caller needs to resolve it. A conflict that
 * only time resolves (a move still running) says when to try again.
 */
// rollback = false: nothing was written, so the caller's transaction may go on (and a refusal
// from a method outside JTA does not leave Liberty's local transaction marked rollback-only).
@ApplicationException(rollback = false)
public class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * @param message what conflicts, fit to show the caller
   */
  public ConflictException(String message) {
    this(message, null);
  }

  /**
   * @param message what conflicts, fit to show the caller
   * @param retryAfter when the same request may succeed, for a conflict that time resolves; null
   *     when it does not
   */
  public ConflictException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** When to try the same request again, if waiting resolves the conflict. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
