package dev.annals.dlq.api;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * One consumer's circuit breaker, count-based like MicroProfile Fault Tolerance's: it opens when at
 * least {@code failureRatio} of the last {@code window} attempts failed (a full window is needed),
 * stays open for {@code delayMs} — the consumer pauses: nothing is tried, so nothing is skipped or
 * dead-lettered meanwhile — then lets one probe through (half-open): a success closes it, a failure
 * opens it again. Not MP Fault Tolerance's annotation itself: policies differ per consumer and
 * change at run time, and a breaker here must pause a driver rather than fail calls. Plain and
 * thread-safe; time is passed in (epoch milliseconds).
 */
public final class CircuitBreaker {

  private BreakerPolicy policy;
  private final ArrayDeque<Boolean> recent = new ArrayDeque<>();
  private int failures;
  private BreakerState state = BreakerState.CLOSED;
  private long since = -1;

  public CircuitBreaker(BreakerPolicy policy) {
    this.policy = policy;
  }

  /** Takes a new policy (the window shrinks at once; it grows as attempts come). */
  public synchronized void policy(BreakerPolicy newPolicy) {
    this.policy = newPolicy;
    trim();
  }

  /**
   * Takes over a state recorded earlier, by this node before a restart or by the node that drove
   * the consumer before: an open or half-open breaker is open again since it was recorded, so the
   * consumer stays paused for the rest of the delay and then probes. The window of recent attempts
   * is not recorded: it starts empty.
   */
  public synchronized void restore(BreakerStatus recorded) {
    if (recorded.state() != BreakerState.CLOSED && recorded.since().isPresent()) {
      recent.clear();
      failures = 0;
      state = BreakerState.OPEN;
      since = recorded.since().get().toEpochMilli();
    }
  }

  /**
   * How long to wait before the next attempt: 0 when one may start now. An open breaker whose delay
   * has passed turns half-open here, and its one probe may start.
   */
  public synchronized long waitMs(long now) {
    if (state == BreakerState.OPEN) {
      long left = since + policy.delayMs() - now;
      if (left > 0) {
        return left;
      }
      state = BreakerState.HALF_OPEN;
      since = now;
    }
    return 0;
  }

  /**
   * Records an attempt's outcome.
   *
   * @return true when the state changed
   */
  public synchronized boolean record(boolean success, long now) {
    if (state == BreakerState.HALF_OPEN) {
      if (success) {
        state = BreakerState.CLOSED;
        recent.clear();
        failures = 0;
      } else {
        state = BreakerState.OPEN;
      }
      since = now;
      return true;
    }
    if (state == BreakerState.OPEN) {
      return false; // an attempt that started before it opened
    }
    recent.addLast(success);
    if (!success) {
      failures++;
    }
    trim();
    if (recent.size() >= policy.window() && failures >= policy.failureRatio() * recent.size()) {
      state = BreakerState.OPEN;
      since = now;
      return true;
    }
    return false;
  }

  /** The state now, as shown. */
  public synchronized BreakerStatus status() {
    return new BreakerStatus(
        state, since < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(since)), failures);
  }

  private void trim() {
    while (recent.size() > policy.window()) {
      if (!recent.removeFirst()) {
        failures--;
      }
    }
  }
}
