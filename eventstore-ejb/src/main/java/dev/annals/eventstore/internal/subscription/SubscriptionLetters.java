package dev.annals.eventstore.internal.subscription;

import dev.annals.dlq.api.Letter;
import dev.annals.dlq.api.LetterState;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.infrastructure.subscription.WebhookBatch;
import dev.annals.tenancy.api.TenantId;
import java.time.Instant;

/** A subscription's dead letters: the consumer is the subscription, by name. */
final class SubscriptionLetters {

  /** The consumer kind of subscriptions' letters. */
  static final String KIND = dev.annals.eventstore.api.subscription.Subscriptions.LETTER_KIND;

  private SubscriptionLetters() {}

  /**
   * A letter for an event that failed {@code attempts} times: retrying at {@code due}, or, without
   * one (null), open (given up).
   */
  static Letter failed(
      TenantId tenant,
      String subscription,
      RecordedEvent e,
      int attempts,
      String cause,
      String stackSummary,
      Instant firstFailure,
      Instant lastFailure,
      Instant due) {
    return letter(
        tenant,
        subscription,
        e,
        due == null ? LetterState.OPEN : LetterState.RETRYING,
        attempts,
        cause,
        stackSummary,
        firstFailure,
        lastFailure,
        due);
  }

  /** A letter for an event parked behind an open one of its stream. */
  static Letter parked(TenantId tenant, String subscription, RecordedEvent e) {
    return letter(tenant, subscription, e, LetterState.PARKED, 0, null, null, null, null, null);
  }

  /** The event as reads return it. */
  static String json(RecordedEvent e) {
    StringBuilder b = new StringBuilder(512);
    WebhookBatch.event(b, e);
    return b.toString();
  }

  private static Letter letter(
      TenantId tenant,
      String subscription,
      RecordedEvent e,
      LetterState state,
      int attempts,
      String cause,
      String stackSummary,
      Instant firstFailure,
      Instant lastFailure,
      Instant dueAt) {
    return new Letter(
        tenant,
        KIND,
        subscription,
        e.streamId().value(),
        e.version(),
        e.eventId().value(),
        e.position().transactionId(),
        e.position().position(),
        state,
        attempts,
        cause,
        stackSummary,
        json(e),
        firstFailure,
        lastFailure,
        dueAt);
  }
}
