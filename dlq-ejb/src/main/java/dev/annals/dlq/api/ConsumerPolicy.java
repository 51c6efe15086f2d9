package dev.annals.dlq.api;

import dev.annals.tenancy.api.InvalidRequestException;

/**
 * How a consumer retries an event before dead-lettering it, and its breaker.
 *
 * @param maxAttempts deliveries tried before the event is dead-lettered, 1-100
 * @param initialBackoffMs pause after the first failure; doubled after each further one
 * @param maxBackoffMs longest pause
 * @param breaker the circuit breaker's policy
 */
public record ConsumerPolicy(
    int maxAttempts, long initialBackoffMs, long maxBackoffMs, BreakerPolicy breaker) {

  /** Longest pause or breaker delay: a day. */
  public static final long MAX_DELAY_MS = 86_400_000L;

  /**
   * @throws InvalidRequestException for values out of range
   */
  public ConsumerPolicy {
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new InvalidRequestException("'maxAttempts' must be 1-100");
    }
    if (initialBackoffMs < 1 || initialBackoffMs > MAX_DELAY_MS) {
      throw new InvalidRequestException("'initialBackoffMs' must be 1-" + MAX_DELAY_MS);
    }
    if (maxBackoffMs < initialBackoffMs || maxBackoffMs > MAX_DELAY_MS) {
      throw new InvalidRequestException(
          "'maxBackoffMs' must be at least 'initialBackoffMs' and at most " + MAX_DELAY_MS);
    }
    if (breaker == null) {
      throw new InvalidRequestException("'breaker' is required");
    }
  }

  /**
   * The pause after the {@code failures}-th failure of an event: {@code initialBackoffMs * 2^(n-1)}
   * capped at {@code maxBackoffMs}, then "equal jitter": half of it fixed, half drawn uniformly
   * ({@code random} in [0, 1)), so consumers failing together do not retry in step.
   */
  public long backoffMs(int failures, double random) {
    int doublings = Math.max(0, Math.min(failures - 1, 40));
    double exponential = Math.min((double) maxBackoffMs, initialBackoffMs * Math.pow(2, doublings));
    double half = exponential / 2;
    return Math.max(1, Math.round(half + half * random));
  }
}
