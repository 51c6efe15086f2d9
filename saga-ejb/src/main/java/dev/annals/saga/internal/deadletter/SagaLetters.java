package dev.annals.saga.internal.deadletter;

import dev.annals.dlq.api.Letter;
import dev.annals.dlq.api.LetterState;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.saga.api.SagaEvent.CompensationFailed;
import dev.annals.saga.api.SagaId;
import dev.annals.tenancy.api.TenantId;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Sagas' dead letters: kind {@code saga}, the consumer is the saga's type, the stream its log. A
 * saga has one letter however often its compensation gives up: the letter's key is derived from the
 * saga's id, so the queue's deduplication on (consumer, key) leaves an open letter as it is and
 * reopens a redriven or discarded one.
 */
public final class SagaLetters {

  /** The consumer kind of sagas' letters. */
  public static final String KIND = "saga";

  /** The prefix of a saga's log stream. */
  static final String STREAM_PREFIX = "saga-";

  private SagaLetters() {}

  /** The key of the saga's letter, the same every time it gives up. */
  static UUID key(String sagaId) {
    return UUID.nameUUIDFromBytes((KIND + ":" + sagaId).getBytes(StandardCharsets.UTF_8));
  }

  /** The saga a letter is about, when its stream is a saga's log. */
  static Optional<SagaId> saga(String streamId) {
    if (!streamId.startsWith(STREAM_PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SagaId(streamId.substring(STREAM_PREFIX.length())));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The letter of a saga whose compensation gave up.
   *
   * @param tenant whose saga
   * @param type the saga's type: the letter's consumer
   * @param sagaId the saga
   * @param failed the log event that gave up
   * @param recorded that event as stored (its version and $all position)
   */
  static Letter open(
      TenantId tenant,
      String type,
      String sagaId,
      CompensationFailed failed,
      RecordedEvent recorded) {
    String event =
        Json.createObjectBuilder()
            .add("eventId", recorded.eventId().value().toString())
            .add("streamId", recorded.streamId().value())
            .add("version", recorded.version())
            .add("type", recorded.type())
            .add("data", Json.createReader(new StringReader(recorded.data())).readValue())
            .build()
            .toString();
    return new Letter(
        tenant,
        KIND,
        type,
        recorded.streamId().value(),
        recorded.version(),
        key(sagaId),
        recorded.position().transactionId(),
        recorded.position().position(),
        LetterState.OPEN,
        failed.attempt(),
        "the compensation of step '"
            + failed.step()
            + "' failed "
            + failed.attempt()
            + " time(s): "
            + failed.error(),
        null,
        event,
        failed.at(),
        failed.at(),
        null);
  }
}
