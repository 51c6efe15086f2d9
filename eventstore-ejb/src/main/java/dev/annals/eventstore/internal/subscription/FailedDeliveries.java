package dev.annals.eventstore.internal.subscription;

import dev.annals.dlq.api.FailureKinds;
import dev.annals.dlq.api.LetterRetries;
import dev.annals.dlq.api.LetterState;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.tenancy.api.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The letter-sending half of a {@link SubscriptionRunner}: what a failed delivery leads to, and the
 * retrying letters it sent. A failure is decided by {@link FailureHandling} and recorded on the
 * subscription (a batch's first failure only if its second try fails too): a failed batch is tried
 * again (whole once, then one event at a time); an event at fault leaves the flow as a dead letter,
 * retrying (or open when given up or poison), sent in the transaction that moves the checkpoint
 * past it, so it never holds the subscription's other streams. While the runner drives the
 * subscription it has its retrying letters delivered again when they fall due ({@link
 * LetterRetries}, in dlq-ejb, through the subscriptions' redelivery SPI).
 */
final class FailedDeliveries {

  private static final Logger LOG = Logger.getLogger(FailedDeliveries.class.getName());

  /** The pause before looking again for a letter sent but not yet recorded by the queue's MDB. */
  static final long UNRECORDED_RECHECK_MS = 1000;

  /** The pause before looking again for retrying letters when none is known. */
  static final long IDLE_RECHECK_MS = 30_000;

  /** How many times to look again for letters sent but not yet recorded. */
  static final int UNRECORDED_RECHECKS = 10;

  /** What the runner does for this half. */
  interface Runner {
    /** Deliver again (the flow, or a retry pass) after {@code ms}. */
    void retryAfter(long ms);

    /** Wake the runner in {@code ms}, without holding its flow until then. */
    void wakeIn(long ms);

    /** The subscription is lost to this runner: stop. */
    void stop();
  }

  private final TenantId tenant;
  private final String name;
  private final String node;
  private final DeliveryBean delivery;
  private final LetterRetries retries;
  private final FailureHandling failures;
  private final long backoffMs;
  private final Runner runner;

  private long lettersDueAt; // 0: look at once (a runner taking over finds its letters)
  private boolean sent;
  private boolean retrying;
  private int rechecks;
  private int unrecorded; // failures not recorded yet: the same batch went again at once
  private String unrecordedError;
  private boolean sameBatchNext;

  FailedDeliveries(
      TenantId tenant,
      String name,
      String node,
      DeliveryBean delivery,
      LetterRetries retries,
      FailureHandling failures,
      long backoffMs,
      Runner runner) {
    this.tenant = tenant;
    this.name = name;
    this.node = node;
    this.delivery = delivery;
    this.retries = retries;
    this.failures = failures;
    this.backoffMs = backoffMs;
    this.runner = runner;
  }

  /**
   * Delivers the subscription's retrying letters again if one is due (a time comparison when none
   * is), and asks to be woken when the next falls due.
   */
  void retryDue() {
    long now = System.currentTimeMillis();
    if (retries == null || now < lettersDueAt) {
      return;
    }
    boolean sentBefore = sent;
    sent = false;
    lettersDueAt = Long.MAX_VALUE;
    Optional<Instant> next;
    try {
      LetterRetries.Pass pass = retries.retryDue(tenant, SubscriptionLetters.KIND, name);
      failures.retried(pass.delivered(), pass.failed());
      next = pass.next();
    } catch (RuntimeException e) {
      LOG.log(
          Level.FINE,
          "Could not retry the letters of subscription {0}/{1}: {2}",
          new Object[] {tenant, name, Failures.describe(e)});
      dueIn(backoffMs);
      return;
    }
    retrying = next.isPresent() || sentBefore;
    if (next.isEmpty() && sentBefore && rechecks < UNRECORDED_RECHECKS) {
      rechecks++; // a letter sent may not be recorded yet: look again soon
      sent = true;
      dueIn(UNRECORDED_RECHECK_MS);
      return;
    }
    rechecks = 0;
    // None known: look again now and then all the same, for a letter recorded late (sent by a
    // node that died before its queue delivered it) or handed over by a node that drove before.
    dueIn(
        next.map(at -> Math.max(0, at.toEpochMilli() - System.currentTimeMillis()))
            .orElse(IDLE_RECHECK_MS));
  }

  /**
   * Whether letters of the subscription retry beside the flow (as far as this runner knows): its
   * failures and last error stay shown until they are through.
   */
  boolean retrying() {
    return retrying;
  }

  /**
   * The failure seam: record it, then retry after the policy's pause, or send the event at fault to
   * the dead-letter queue.
   *
   * @return true when delivery may go on at once (the event left the flow as a letter, or the batch
   *     is tried again at once)
   */
  boolean failed(Throwable cause, long durationMs) {
    sameBatchNext = false;
    boolean permanent = cause instanceof DeliveryFailedException f && f.permanent();
    String error =
        cause instanceof DeliveryFailedException
            ? cause.getMessage()
            : "delivery failed: " + Failures.describe(cause);
    LOG.log(Level.FINE, "Subscription {0}/{1} failed: {2}", new Object[] {tenant, name, error});
    List<RecordedEvent> attempted =
        cause instanceof DeliveryFailedException f ? f.attempted() : List.of();
    if (permanent || attempted.isEmpty()) {
      record(error, permanent);
      if (permanent) {
        runner.stop();
      } else {
        runner.retryAfter(backoffMs); // nothing was tried (the database did not answer): a pause
      }
      return false;
    }
    FailureHandling.Decision decision = failures.failed(attempted, cause, error, durationMs);
    if (decision instanceof FailureHandling.Decision.Retry retry && retry.sameBatch()) {
      // Recorded only if the second try fails too, or once it went through while letters retry:
      // a delivery that goes through ends the run of failures and clears what was recorded, so
      // a transaction here would only slow down every batch a receiver refused once.
      unrecorded++;
      unrecordedError = error;
      sameBatchNext = true;
      return true;
    }
    record(error, false);
    if (decision instanceof FailureHandling.Decision.Retry) {
      return true;
    }
    return send((FailureHandling.Decision.DeadLetter) decision, cause, error);
  }

  /**
   * Whether the next delivery is the batch that just failed, tried whole once more as it was read
   * (asked once: the answer resets).
   */
  boolean takeSameBatch() {
    boolean same = sameBatchNext;
    sameBatchNext = false;
    return same;
  }

  /**
   * Events were delivered; with {@code endsFailures} that ended the run of failures on the
   * subscription (and cleared them there), else a failure not recorded yet is recorded now.
   */
  void delivered(boolean endsFailures) {
    sameBatchNext = false;
    if (unrecorded > 0 && !endsFailures) {
      record(unrecordedError, false);
    }
    unrecorded = 0;
    unrecordedError = null;
  }

  private void record(String error, boolean permanent) {
    int count = unrecorded + 1;
    unrecorded = 0;
    unrecordedError = null;
    try {
      delivery.recordFailure(tenant, name, node, error, count, permanent);
    } catch (RuntimeException | java.sql.SQLException recordFailed) {
      LOG.log(
          Level.WARNING,
          "Could not record the failure of subscription {0}/{1}: {2}",
          new Object[] {tenant, name, Failures.describe(recordFailed)});
    }
  }

  private boolean send(FailureHandling.Decision.DeadLetter letter, Throwable cause, String error) {
    try {
      Delivery.Outcome outcome =
          delivery.deadLetter(
              tenant, name, node, letter.head(), letter, error, FailureKinds.stackSummary(cause));
      if (outcome == Delivery.Outcome.LOST) {
        runner.stop();
        return false;
      }
      failures.deadLettered(letter.head());
      if (letter.retrying()) {
        sent = true;
        retrying = true;
        dueIn(letter.retryInMs());
      }
      LOG.log(
          letter.retrying() ? Level.FINE : Level.INFO,
          "Subscription {0}/{1} sent event {2} to the dead-letter queue, {3}, after {4} attempts{5}:"
              + " {6}",
          new Object[] {
            tenant,
            name,
            letter.head().eventId(),
            letter.retrying()
                ? LetterState.RETRYING.wireName() + " in " + letter.retryInMs() + " ms"
                : LetterState.OPEN.wireName(),
            letter.attempts(),
            letter.poison() ? " (poison)" : "",
            error
          });
      return true;
    } catch (RuntimeException | java.sql.SQLException sendFailed) {
      LOG.log(
          Level.WARNING,
          "Could not dead-letter an event of subscription {0}/{1}: {2}",
          new Object[] {tenant, name, Failures.describe(sendFailed)});
      runner.retryAfter(backoffMs);
      return false;
    }
  }

  private void dueIn(long ms) {
    long at = System.currentTimeMillis() + ms;
    if (at < lettersDueAt) {
      lettersDueAt = at;
      runner.wakeIn(ms);
    }
  }
}
