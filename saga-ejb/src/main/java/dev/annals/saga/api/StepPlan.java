package dev.annals.saga.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the orchestrator needs to know of one step: its name, whether it can be undone, its retry
 * budget (used for its compensation too) and how long it may take in all, retries included.
 *
 * @param name 1-64 characters of {@code [a-z0-9_-]}, starting with a letter
 * @param compensable whether the step has a compensation
 * @param retry its retry budget
 * @param timeout how long the step may take from its first attempt, if bounded (1 ms - 30 days)
 */
public record StepPlan(
    String name, boolean compensable, RetryBudget retry, Optional<Duration> timeout) {

  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_-]{0,63}$");
  private static final Duration LONGEST = Duration.ofDays(30);

  /**
   * @throws InvalidRequestException when the name or the timeout is out of range
   */
  public StepPlan {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidRequestException(
          "Step name must be 1-64 characters of a-z, 0-9, _ and -, starting with a letter");
    }
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
    timeout.ifPresent(StepPlan::requireTimeout);
  }

  static void requireTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(LONGEST) > 0) {
      throw new InvalidRequestException("'timeoutMs' must be 1-2592000000");
    }
  }
}
