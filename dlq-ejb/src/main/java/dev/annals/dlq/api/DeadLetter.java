package dev.annals.dlq.api;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A dead letter as recorded.
 *
 * @param id its id within the tenant
 * @param consumerKind the kind of consumer
 * @param consumer the consumer's name
 * @param streamId the event's stream
 * @param streamVersion the event's version in its stream
 * @param eventId the event's id
 * @param position the event's $all position ({@code <transaction>-<position>})
 * @param state where it stands
 * @param attempts deliveries tried, redrives included
 * @param cause the last failure
 * @param stackSummary the last failure's exception chain, shortened
 * @param event the event as it was when the letter was sent (JSON); a redrive reads it again
 * @param firstFailure when it first failed (absent when parked)
 * @param lastFailure when it last failed (absent when parked)
 * @param reason why it was discarded, or redriven by whom
 * @param updatedAt when its state last changed
 * @param dueAt when a retrying letter is delivered again (absent otherwise)
 */
public record DeadLetter(
    long id,
    String consumerKind,
    String consumer,
    String streamId,
    long streamVersion,
    UUID eventId,
    String position,
    LetterState state,
    int attempts,
    Optional<String> cause,
    Optional<String> stackSummary,
    Optional<String> event,
    Optional<Instant> firstFailure,
    Optional<Instant> lastFailure,
    Optional<String> reason,
    Instant updatedAt,
    Optional<Instant> dueAt) {}
