package dev.annals.eventstore.internal.subscription;

import dev.annals.dlq.api.BreakerPolicy;
import dev.annals.dlq.api.BreakerState;
import dev.annals.dlq.api.BreakerStatus;
import dev.annals.dlq.api.CircuitBreaker;
import java.util.function.Consumer;

/**
 * The circuit breaker of one webhook host, shared by every subscription of a tenant that posts
 * there on this node, plain so it can be tested without a container. Each post asks for a {@link
 * #permit} first and reports its outcome; while the breaker is open nobody posts, and when it is
 * half-open exactly one subscription probes while the others wait for the probe's outcome (a probe
 * that never reports, its runner gone, frees its turn after {@link #PROBE_LEASE_MS}).
 */
final class HostBreaker {

  /** How long a subscription waits while another probes the half-open host. */
  static final long PROBE_WAIT_MS = 200;

  /** How long a probe that never reported holds its turn. */
  static final long PROBE_LEASE_MS = 30_000;

  private final CircuitBreaker breaker;
  private final Consumer<BreakerStatus> changes;
  private long probeUntil = -1;

  /**
   * @param recorded the state last recorded for the host (restored: an open one stays open)
   * @param changes told of every change of state
   */
  HostBreaker(BreakerPolicy policy, BreakerStatus recorded, Consumer<BreakerStatus> changes) {
    this.breaker = new CircuitBreaker(policy);
    this.breaker.restore(recorded);
    this.changes = changes;
  }

  /** How long to wait before posting to the host: 0 when a post may start now. */
  long permit(long now) {
    BreakerStatus changed = null;
    long wait;
    synchronized (this) {
      BreakerState before = breaker.status().state();
      wait = breaker.waitMs(now);
      if (breaker.status().state() != before) {
        changed = breaker.status();
      }
      if (wait == 0 && breaker.status().state() == BreakerState.HALF_OPEN) {
        if (now < probeUntil) {
          wait = PROBE_WAIT_MS; // another subscription's probe decides
        } else {
          probeUntil = now + PROBE_LEASE_MS;
        }
      }
    }
    if (changed != null) {
      changes.accept(changed);
    }
    return wait;
  }

  /** A post to the host went through ({@code ok}: answered 2xx) or failed. */
  void record(boolean ok, long now) {
    BreakerStatus changed = null;
    synchronized (this) {
      probeUntil = -1;
      if (breaker.record(ok, now)) {
        changed = breaker.status();
      }
    }
    if (changed != null) {
      changes.accept(changed);
    }
  }

  synchronized BreakerStatus status() {
    return breaker.status();
  }
}
