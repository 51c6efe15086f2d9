package dev.annals.dlq.internal;

import dev.annals.dlq.api.ConsumerPausedException;
import dev.annals.dlq.api.ConsumerPolicy;
import dev.annals.dlq.api.DeadLetter;
import dev.annals.dlq.api.FailureKinds;
import dev.annals.dlq.api.LetterRetries;
import dev.annals.dlq.api.LetterState;
import dev.annals.dlq.api.PoisonRule;
import dev.annals.dlq.api.Policies;
import dev.annals.dlq.api.Redelivery;
import dev.annals.tenancy.api.ConflictException;
import dev.annals.tenancy.api.ResourceNotFoundException;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers retrying letters again for the consumer that drives them (see {@link LetterRetries}).
 * Outside any transaction, like a redrive: the delivery takes its own, and each outcome is recorded
 * through {@link LetterStore} as it is reached. A stream whose head went through stays marked
 * {@code releasing} until every letter parked behind it is released, so parked letters still on
 * their way through the queue are released by a later pass (on whichever node drives the consumer
 * then), never left behind.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LetterRetriesBean implements LetterRetries {

  /** Letters redelivered per pass at most; the rest are due at once for the next. */
  static final int DUE_PAGE = 100;

  /** The pause before a stream whose parked letters are still on their way is looked at again. */
  static final long RELEASE_AGAIN_MS = 200;

  @EJB LetterStore store;

  @EJB RedeliveryRegistryBean registry;

  @EJB Policies policies;

  @Inject FailuresConfig config;

  private final Clock clock = Clock.systemUTC();

  @Override
  public Pass retryDue(TenantId tenant, String consumerKind, String consumer) {
    Optional<Redelivery> redelivery = registry.find(consumerKind);
    if (redelivery.isEmpty()) {
      return new Pass(Optional.empty(), 0, 0);
    }
    int[] outcomes = new int[2]; // delivered, failed
    ConsumerPolicy policy = policies.policy(tenant, consumerKind, consumer);
    try {
      for (String stream : store.releasing(tenant, consumerKind, consumer)) {
        release(tenant, redelivery.get(), policy, like(consumerKind, consumer, stream), outcomes);
      }
      for (DeadLetter letter : store.due(tenant, consumerKind, consumer, DUE_PAGE)) {
        if (attempt(tenant, redelivery.get(), policy, letter, outcomes)) {
          store.releasing(tenant, letter, true);
          release(tenant, redelivery.get(), policy, letter, outcomes);
        }
      }
    } catch (ConsumerPausedException paused) {
      return new Pass(
          Optional.of(clock.instant().plusMillis(Math.max(1, paused.retryAfterMs()))),
          outcomes[0],
          outcomes[1]);
    }
    Optional<Instant> next = store.nextDue(tenant, consumerKind, consumer);
    if (!store.releasing(tenant, consumerKind, consumer).isEmpty()) {
      Instant soon = clock.instant().plusMillis(RELEASE_AGAIN_MS);
      next = Optional.of(next.filter(n -> n.isBefore(soon)).orElse(soon));
    }
    return new Pass(next, outcomes[0], outcomes[1]);
  }

  /**
   * Delivers the letters parked behind a delivered head in stream order until one fails (it is the
   * stream's retrying head now), then lifts the stream's block. Only once every letter sent for the
   * stream is recorded (none pending on its block), so a letter still on its way through the queue
   * is never overtaken by the ones behind it; meanwhile the block stays, marked releasing, for the
   * next pass.
   */
  private void release(
      TenantId tenant, Redelivery redelivery, ConsumerPolicy policy, DeadLetter s, int[] outcomes) {
    if (!store.settled(tenant, s)) {
      return; // a letter of the stream is still on its way through the queue: not past it
    }
    for (DeadLetter parked : store.ofStream(tenant, s, List.of(LetterState.PARKED))) {
      if (!attempt(tenant, redelivery, policy, parked, outcomes)) {
        store.releasing(tenant, s, false);
        return;
      }
    }
    store.lift(tenant, s);
  }

  /**
   * Delivers one letter again; records the outcome: closed when it went through, else retrying
   * after the policy's backoff, or open once its attempts reach the policy's or it is poison
   * (marked so, or, from the {@code poison.same-error-attempts}-th attempt on, the same error as
   * the last attempt's, fast).
   *
   * @return true when it went through
   */
  private boolean attempt(
      TenantId tenant,
      Redelivery redelivery,
      ConsumerPolicy policy,
      DeadLetter letter,
      int[] outcomes) {
    int attempt = letter.attempts() + 1;
    long started = clock.millis();
    try {
      redelivery.redeliver(tenant, letter);
    } catch (ConflictException | ResourceNotFoundException | ConsumerPausedException e) {
      throw e; // the consumer or the event is gone, or it is paused: nothing tried
    } catch (Exception failure) {
      Throwable e = failure;
      while (e instanceof jakarta.ejb.EJBException && e.getCause() != null) {
        e = e.getCause();
      }
      String cause = FailureKinds.describe(e);
      PoisonRule rule = config.poisonRule();
      boolean sameAndFast =
          rule.sameErrorAttempts() > 0
              && attempt >= rule.sameErrorAttempts()
              && clock.millis() - started <= rule.fastMs()
              && letter.cause().filter(cause::equals).isPresent();
      boolean giveUp = FailureKinds.poison(e) || sameAndFast || attempt >= policy.maxAttempts();
      Optional<Instant> due =
          giveUp
              ? Optional.empty()
              : Optional.of(
                  clock
                      .instant()
                      .plusMillis(
                          policy.backoffMs(attempt, ThreadLocalRandom.current().nextDouble())));
      store.retryFailed(tenant, letter, cause, FailureKinds.stackSummary(e), due);
      outcomes[1]++;
      return false;
    }
    store.transition(
        tenant, letter, letter.state(), LetterState.REDRIVEN, "delivered by retry " + attempt);
    outcomes[0]++;
    return true;
  }

  /** A stand-in for the letters of one stream of a consumer (what {@link LetterStore} keys on). */
  private static DeadLetter like(String kind, String consumer, String stream) {
    return new DeadLetter(
        0,
        kind,
        consumer,
        stream,
        0,
        new UUID(0, 0),
        "0-0",
        LetterState.PARKED,
        0,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Instant.EPOCH,
        Optional.empty());
  }
}
