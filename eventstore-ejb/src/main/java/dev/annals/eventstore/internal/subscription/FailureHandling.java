package dev.annals.eventstore.internal.subscription;

import dev.annals.dlq.api.BreakerStatus;
import dev.annals.dlq.api.CircuitBreaker;
import dev.annals.dlq.api.ConsumerPolicy;
import dev.annals.dlq.api.FailureKinds;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One subscription runner's failure handling, plain so it can be tested without a container: the
 * consumer's policy, its circuit breaker, and each failing event's attempts. A failed batch of
 * several events counts one attempt for each and is tried whole once more at once (a receiver that
 * failed one event once takes the batch the second time); failing again, delivery goes one event at
 * a time until past that batch, so only the event at fault collects attempts (the others, and
 * per-stream order, are unharmed). An event that failed alone never holds the flow: it leaves it as
 * a retrying letter, due after the policy's backoff for its attempts (its consumer delivers it
 * again beside the flow, {@link dev.annals.dlq.api.LetterRetries}), or as an open letter once its
 * attempts reach the policy's {@code maxAttempts}, or at once when the failure is poison: marked so
 * ({@link FailureKinds#poison}), or the same error, fast, on each of the first {@code poisonAfter}
 * attempts made alone.
 */
final class FailureHandling {

  /** What a failure leads to. */
  sealed interface Decision {
    /**
     * Deliver again at once: with {@code sameBatch} the batch that failed, whole, as it was read
     * (else the next read, one event at a time from the failed batch's head).
     */
    record Retry(boolean sameBatch) implements Decision {}

    /**
     * Send the event to the dead-letter queue now: retrying after {@code retryInMs}, or open (given
     * up) when that is negative.
     */
    record DeadLetter(
        RecordedEvent head, int attempts, Instant firstFailure, boolean poison, long retryInMs)
        implements Decision {

      /** Whether the letter is retrying (else open). */
      public boolean retrying() {
        return retryInMs >= 0;
      }
    }
  }

  /** How often the policy is read again while the runner works. */
  static final long POLICY_REFRESH_MS = 5000;

  private final Supplier<ConsumerPolicy> policies;
  private final Consumer<BreakerStatus> breakerChanges;
  private final int poisonAfter;
  private final long poisonFastMs;
  private final LongSupplier clock;
  private final DoubleSupplier random;

  private ConsumerPolicy policy;
  private long policyAt;
  private final CircuitBreaker breaker;
  private final Map<EventId, Tries> tries = new HashMap<>();
  private Checkpoint narrowUntil;
  private Checkpoint retriedWhole;

  /** An event's failed attempts so far. */
  private static final class Tries {
    int attempts;
    int alone;
    Instant first;
    String cause;
    boolean sameAndFast = true;
  }

  FailureHandling(
      Supplier<ConsumerPolicy> policies,
      Consumer<BreakerStatus> breakerChanges,
      int poisonAfter,
      long poisonFastMs,
      LongSupplier clock,
      DoubleSupplier random) {
    this.policies = policies;
    this.breakerChanges = breakerChanges;
    this.poisonAfter = poisonAfter;
    this.poisonFastMs = poisonFastMs;
    this.clock = clock;
    this.random = random;
    this.policy = policies.get();
    this.policyAt = clock.getAsLong();
    this.breaker = new CircuitBreaker(policy.breaker());
  }

  /** How long the breaker keeps the consumer paused: 0 when an attempt may start now. */
  synchronized long waitMs() {
    long now = clock.getAsLong();
    if (now - policyAt >= POLICY_REFRESH_MS) {
      refreshPolicy(now);
    }
    BreakerStatus before = breaker.status();
    long wait = breaker.waitMs(now);
    if (breaker.status().state() != before.state()) {
      breakerChanges.accept(breaker.status());
    }
    return wait;
  }

  /** Whether deliveries go one event at a time now (after a failed batch, until past it). */
  synchronized boolean narrow() {
    return narrowUntil != null;
  }

  /** A delivery went through, and the checkpoint is at {@code next} now. */
  synchronized void succeeded(List<RecordedEvent> delivered, Checkpoint next) {
    delivered.forEach(e -> tries.remove(e.eventId()));
    passed(next);
    boolean changed = false;
    for (int i = 0; i < delivered.size(); i++) {
      changed |= breaker.record(true, clock.getAsLong()); // one success per event delivered
    }
    if (changed) {
      breakerChanges.accept(breaker.status());
    }
  }

  /**
   * A pass of retries beside the flow delivered {@code delivered} letters and failed {@code
   * failed}: the breaker counts them like attempts in the flow.
   */
  synchronized void retried(int delivered, int failed) {
    long now = clock.getAsLong();
    boolean changed = false;
    for (int i = 0; i < failed; i++) {
      changed |= breaker.record(false, now);
    }
    for (int i = 0; i < delivered; i++) {
      changed |= breaker.record(true, now);
    }
    if (changed) {
      breakerChanges.accept(breaker.status());
    }
  }

  /** The checkpoint moved elsewhere (a reset, another node): start afresh. */
  synchronized void reset() {
    tries.clear();
    narrowUntil = null;
    retriedWhole = null;
  }

  /**
   * An attempt to deliver {@code attempted} failed after {@code durationMs}.
   *
   * @param description the failure as operators see it
   */
  synchronized Decision failed(
      List<RecordedEvent> attempted, Throwable failure, String description, long durationMs) {
    long now = clock.getAsLong();
    refreshPolicy(now);
    boolean tripped = breaker.record(false, now);
    if (tripped) {
      breakerChanges.accept(breaker.status());
    }
    Instant at = Instant.ofEpochMilli(now);
    boolean alone = attempted.size() == 1;
    for (RecordedEvent e : attempted) {
      Tries t = tries.computeIfAbsent(e.eventId(), id -> new Tries());
      t.attempts++;
      if (t.first == null) {
        t.first = at;
      }
      if (alone) {
        t.alone++;
        t.sameAndFast &=
            durationMs <= poisonFastMs && (t.cause == null || t.cause.equals(description));
      }
      t.cause = description;
    }
    if (!alone) {
      RecordedEvent first = attempted.get(0);
      RecordedEvent last = attempted.get(attempted.size() - 1);
      if (retriedWhole == null || first.position().compareTo(retriedWhole) > 0) {
        retriedWhole = last.position(); // once more whole, at once
        return new Decision.Retry(true);
      }
      if (narrowUntil == null || last.position().compareTo(narrowUntil) > 0) {
        narrowUntil = last.position(); // then one event at a time
      }
      return new Decision.Retry(false);
    }
    RecordedEvent head = attempted.get(0);
    Tries t = tries.get(head.eventId());
    boolean poison =
        FailureKinds.poison(failure)
            || (poisonAfter > 0 && t.alone >= poisonAfter && t.sameAndFast);
    if (poison || t.attempts >= policy.maxAttempts()) {
      return new Decision.DeadLetter(head, t.attempts, t.first, poison, -1);
    }
    if (tripped && breaker.status().state() != dev.annals.dlq.api.BreakerState.CLOSED) {
      // This failure opened the breaker: the consumer pauses and the event stays in the flow, to
      // be the probe, rather than leave it while its downstream is down.
      if (narrowUntil == null || head.position().compareTo(narrowUntil) > 0) {
        narrowUntil = head.position();
      }
      return new Decision.Retry(false);
    }
    return new Decision.DeadLetter(
        head, t.attempts, t.first, false, policy.backoffMs(t.attempts, random.getAsDouble()));
  }

  /** The event is in the dead-letter queue now: forget its attempts. */
  synchronized void deadLettered(RecordedEvent head) {
    tries.remove(head.eventId());
    passed(head.position());
  }

  private void passed(Checkpoint next) {
    if (narrowUntil != null && next.compareTo(narrowUntil) >= 0) {
      narrowUntil = null;
    }
    if (retriedWhole != null && next.compareTo(retriedWhole) >= 0) {
      retriedWhole = null;
    }
  }

  /** Takes over the breaker's recorded state (see {@link CircuitBreaker#restore}). */
  synchronized void restore(BreakerStatus recorded) {
    breaker.restore(recorded);
  }

  /** The breaker now. */
  synchronized BreakerStatus breaker() {
    return breaker.status();
  }

  private void refreshPolicy(long now) {
    ConsumerPolicy fresh;
    try {
      fresh = policies.get();
    } catch (RuntimeException e) {
      return; // keep the policy known, try again next time
    }
    if (!Objects.equals(fresh, policy)) {
      policy = fresh;
      breaker.policy(fresh.breaker());
    }
    policyAt = now;
  }
}
