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
 * several events counts one attempt for each, and delivery then goes one event at a time until past
 * that batch, so only the event at fault collects attempts and is dead-lettered (the others, and
 * per-stream order, are unharmed). An event that failed alone is retried alone, so every attempt
 * after the first is seen by the dead-letter check and none goes past the budget. An event is
 * dead-lettered once its attempts reach the policy's {@code maxAttempts}, or at once when the
 * failure is poison: marked so ({@link FailureKinds#poison}), or the same error, fast, on each of
 * the first {@code poisonAfter} attempts.
 */
final class FailureHandling {

  /** What a failure leads to. */
  sealed interface Decision {
    /** Deliver again after a pause. */
    record Retry(long afterMs) implements Decision {}

    /** Send the event to the dead-letter queue now. */
    record DeadLetter(RecordedEvent head, int attempts, Instant firstFailure, boolean poison)
        implements Decision {}
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

  /** An event's failed attempts so far. */
  private static final class Tries {
    int attempts;
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
    if (!delivered.isEmpty() && breaker.record(true, clock.getAsLong())) {
      breakerChanges.accept(breaker.status());
    }
  }

  /** The checkpoint moved elsewhere (a reset, another node): start afresh. */
  synchronized void reset() {
    tries.clear();
    narrowUntil = null;
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
    if (breaker.record(false, now)) {
      breakerChanges.accept(breaker.status());
    }
    Instant at = Instant.ofEpochMilli(now);
    for (RecordedEvent e : attempted) {
      Tries t = tries.computeIfAbsent(e.eventId(), id -> new Tries());
      t.attempts++;
      if (t.first == null) {
        t.first = at;
      }
      t.sameAndFast &=
          durationMs <= poisonFastMs && (t.cause == null || t.cause.equals(description));
      t.cause = description;
    }
    if (attempted.size() != 1) {
      RecordedEvent last = attempted.get(attempted.size() - 1);
      narrowUntil = last.position();
      return new Decision.Retry(policy.backoffMs(1, random.getAsDouble()));
    }
    RecordedEvent head = attempted.get(0);
    Tries t = tries.get(head.eventId());
    boolean poison =
        FailureKinds.poison(failure)
            || (poisonAfter > 0 && t.attempts >= poisonAfter && t.sameAndFast);
    if (poison || t.attempts >= policy.maxAttempts()) {
      return new Decision.DeadLetter(head, t.attempts, t.first, poison);
    }
    // Retried alone too: events appended meanwhile must not join it in a batch, whose failure
    // would count an attempt the dead-letter check never sees (one more than the budget).
    if (narrowUntil == null || head.position().compareTo(narrowUntil) > 0) {
      narrowUntil = head.position();
    }
    return new Decision.Retry(policy.backoffMs(t.attempts, random.getAsDouble()));
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
