package dev.annals.web.rest.deadletter;

import dev.annals.dlq.api.DeadLetter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dead letter in a list.
 *
 * @param id its id
 * @param consumer the consumer's name (a subscription's name)
 * @param consumerKind the kind of consumer
 * @param streamId the event's stream
 * @param eventId the event's id
 * @param position the event's $all position
 * @param state open, parked, retrying, redriven or discarded
 * @param attempts deliveries tried, redrives included
 * @param firstFailure when it first failed (absent when parked)
 * @param lastFailure when it last failed (absent when parked)
 * @param cause the last failure
 * @param reason a discard's reason, or who redrove it
 * @param dueAt a retrying letter's next attempt
 */
@Schema(name = "DeadLetter")
public record DeadLetterView(
    @Schema(required = true, minimum = "1") long id,
    @Schema(required = true) String consumer,
    @Schema(required = true) String consumerKind,
    @Schema(required = true) String streamId,
    @Schema(required = true, format = "uuid") String eventId,
    @Schema(required = true) String position,
    @Schema(required = true, ref = "DeadLetterState") String state,
    @Schema(required = true, minimum = "0") int attempts,
    @Schema(format = "date-time") String firstFailure,
    @Schema(format = "date-time") String lastFailure,
    String cause,
    String reason,
    @Schema(format = "date-time") String dueAt) {

  static DeadLetterView from(DeadLetter l) {
    return new DeadLetterView(
        l.id(),
        l.consumer(),
        l.consumerKind(),
        l.streamId(),
        l.eventId().toString(),
        l.position(),
        l.state().wireName(),
        l.attempts(),
        l.firstFailure().map(Object::toString).orElse(null),
        l.lastFailure().map(Object::toString).orElse(null),
        l.cause().orElse(null),
        l.reason().orElse(null),
        l.dueAt().map(Object::toString).orElse(null));
  }
}
