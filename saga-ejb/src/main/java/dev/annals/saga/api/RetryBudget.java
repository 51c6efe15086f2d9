package dev.annals.saga.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.time.Duration;

/**
 * How often a step (or its compensation) is tried before it fails for good, and how long to wait
 * between attempts: the wait doubles from {@code initialBackoff} up to {@code maxBackoff}, and a
 * random half of it is jittered away so that many sagas failing together do not retry together.
 *
 * @param maxAttempts 1-100 attempts in all (1: no retry)
 * @param initialBackoff the wait before the second attempt (0-1 h)
 * @param maxBackoff the longest wait (at least {@code initialBackoff}, at most 1 day)
 */
public record RetryBudget(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

  /** Three attempts, 200 ms then 400 ms apart (before jitter). */
  public static final RetryBudget DEFAULT =
      new RetryBudget(3, Duration.ofMillis(200), Duration.ofSeconds(30));

  /**
   * @throws InvalidRequestException when a value is out of range
   */
  public RetryBudget {
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new InvalidRequestException("'maxAttempts' must be 1-100");
    }
    if (initialBackoff == null
        || initialBackoff.isNegative()
        || initialBackoff.compareTo(Duration.ofHours(1)) > 0) {
      throw new InvalidRequestException("'backoffMs' must be 0-3600000");
    }
    if (maxBackoff == null
        || maxBackoff.compareTo(initialBackoff) < 0
        || maxBackoff.compareTo(Duration.ofDays(1)) > 0) {
      throw new InvalidRequestException(
          "'maxBackoffMs' must be at least the initial backoff and at most 86400000");
    }
  }

  /** {@code attempts} attempts, {@code backoff} apart at first, doubling up to 100 times it. */
  public static RetryBudget of(int attempts, Duration backoff) {
    Duration max = backoff.multipliedBy(100);
    Duration day = Duration.ofDays(1);
    return new RetryBudget(attempts, backoff, max.compareTo(day) > 0 ? day : max);
  }

  /** Whether an attempt may follow attempt number {@code attempt}. */
  public boolean allowsAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /**
   * The wait before attempt number {@code attempt}: {@code initialBackoff × 2^(attempt-2)}, capped
   * at {@code maxBackoff}, of which {@code jitter} takes away up to half.
   *
   * @param attempt the coming attempt, 2 or more
   * @param jitter a random number in [0, 1)
   */
  public Duration delayBefore(int attempt, double jitter) {
    if (attempt < 2) {
      throw new IllegalArgumentException("Only attempts after the first wait: " + attempt);
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new IllegalArgumentException("Jitter must be in [0, 1): " + jitter);
    }
    long initial = initialBackoff.toMillis();
    long cap = maxBackoff.toMillis();
    int doublings = Math.min(attempt - 2, 40);
    long full = initial > (cap >> doublings) ? cap : Math.min(cap, initial << doublings);
    long half = full / 2;
    return Duration.ofMillis(full - (long) (half * jitter));
  }
}
