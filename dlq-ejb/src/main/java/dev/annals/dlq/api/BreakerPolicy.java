package dev.annals.dlq.api;

import dev.annals.tenancy.api.InvalidRequestException;

/**
 * When a consumer's circuit breaker opens, and for how long.
 *
 * @param failureRatio open when at least this share of the last {@code window} attempts failed
 * @param window how many recent attempts count (and must have been made)
 * @param delayMs how long it stays open before a half-open probe
 */
public record BreakerPolicy(double failureRatio, int window, long delayMs) {

  /**
   * @throws InvalidRequestException for a ratio outside (0, 1], a window outside 1-1000 or a delay
   *     outside 1 ms-1 day
   */
  public BreakerPolicy {
    if (!(failureRatio > 0 && failureRatio <= 1)) {
      throw new InvalidRequestException("'breaker.failureRatio' must be above 0 and at most 1");
    }
    if (window < 1 || window > 1000) {
      throw new InvalidRequestException("'breaker.window' must be 1-1000");
    }
    if (delayMs < 1 || delayMs > ConsumerPolicy.MAX_DELAY_MS) {
      throw new InvalidRequestException(
          "'breaker.delayMs' must be 1-" + ConsumerPolicy.MAX_DELAY_MS);
    }
  }
}
