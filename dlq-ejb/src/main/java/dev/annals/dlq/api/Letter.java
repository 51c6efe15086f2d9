package dev.annals.dlq.api;

import dev.annals.tenancy.api.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A letter as a consumer sends it to the dead-letter queue: one event its consumer gave up on
 * ({@link LetterState#OPEN}), will try again beside its flow ({@link LetterState#RETRYING}), or
 * parks behind such a letter ({@link LetterState#PARKED}).
 *
 * @param tenant whose event
 * @param consumerKind the kind of consumer ("subscription", …): picks the {@link Redelivery}
 * @param consumer the consumer's name within its kind (a subscription's name)
 * @param streamId the event's stream
 * @param streamVersion the event's version in its stream
 * @param eventId the event's id
 * @param positionTx the transaction id part of the event's $all position
 * @param position the global position part of it
 * @param state OPEN, RETRYING or PARKED
 * @param attempts how many deliveries were tried (0 for a parked letter)
 * @param cause the last failure, as operators see it (no SQL text)
 * @param stackSummary the failure's exception chain, a few frames each, or empty
 * @param event the event as reads return it (JSON)
 * @param firstFailure when the first attempt failed (null when parked)
 * @param lastFailure when the last attempt failed (null when parked)
 * @param dueAt when a retrying letter is delivered again (null otherwise)
 */
public record Letter(
    TenantId tenant,
    String consumerKind,
    String consumer,
    String streamId,
    long streamVersion,
    UUID eventId,
    long positionTx,
    long position,
    LetterState state,
    int attempts,
    String cause,
    String stackSummary,
    String event,
    Instant firstFailure,
    Instant lastFailure,
    Instant dueAt) {

  public Letter {
    Objects.requireNonNull(tenant);
    Objects.requireNonNull(consumerKind);
    Objects.requireNonNull(consumer);
    Objects.requireNonNull(streamId);
    Objects.requireNonNull(eventId);
    if (state != LetterState.OPEN && state != LetterState.PARKED && state != LetterState.RETRYING) {
      throw new IllegalArgumentException("a letter is sent open, retrying or parked, not " + state);
    }
    if ((state == LetterState.RETRYING) != (dueAt != null)) {
      throw new IllegalArgumentException("a retrying letter, and only one, has a due time");
    }
  }
}
