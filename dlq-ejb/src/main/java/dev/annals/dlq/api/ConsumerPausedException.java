package dev.annals.dlq.api;

/**
 * Thrown by a {@link Redelivery} that did not try the delivery because what it delivers to is
 * paused (a webhook host's open circuit breaker): a retry does not count it as an attempt and tries
 * again after {@link #retryAfterMs()}; an operator's redrive counts it as a failure.
 */
public class ConsumerPausedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterMs;

  /**
   * @param message what is paused, as operators see it
   * @param retryAfterMs how long it stays paused
   */
  public ConsumerPausedException(String message, long retryAfterMs) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }

  /** How long what the consumer delivers to stays paused. */
  public long retryAfterMs() {
    return retryAfterMs;
  }
}
