package dev.annals.saga.internal.deadletter;

import dev.annals.dlq.api.DeadLetterQueue;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaEvent;
import dev.annals.saga.api.SagaEvent.CompensationFailed;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.internal.execution.SagaLog;
import dev.annals.tenancy.api.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * A saga log that sends a dead letter when a save records that a compensation gave up (its budget
 * spent), in the transaction of that save: the letter is sent if and only if the saga's log says
 * {@code compensation_failed}, so it is never lost and never sent for a log that rolled back.
 */
public final class DeadLetteringSagaLog implements SagaLog {

  private final SagaLog log;
  private final TenantId tenant;
  private final DeadLetterQueue queue;
  private final EventStore events;

  /**
   * @param log the log to save to
   * @param tenant whose sagas
   * @param queue the dead-letter queue, joining the caller's transaction
   * @param events the event store, to read the saved event's position in the same transaction
   */
  public DeadLetteringSagaLog(
      SagaLog log, TenantId tenant, DeadLetterQueue queue, EventStore events) {
    this.log = log;
    this.tenant = tenant;
    this.queue = queue;
    this.events = events;
  }

  @Override
  public Optional<Saga> load(SagaId id) {
    return log.load(id);
  }

  @Override
  public void save(Saga saga) {
    List<SagaEvent> raised = saga.raisedEvents();
    long before = saga.loadedVersion();
    log.save(saga);
    for (int i = 0; i < raised.size(); i++) {
      if (raised.get(i) instanceof CompensationFailed failed && failed.retryAt().isEmpty()) {
        RecordedEvent recorded =
            events
                .readStream(
                    tenant,
                    new StreamId(SagaLetters.STREAM_PREFIX + saga.id()),
                    before + i + 1,
                    Direction.FORWARD,
                    1)
                .events()
                .get(0);
        queue.send(SagaLetters.open(tenant, saga.plan().type(), saga.id(), failed, recorded));
      }
    }
  }
}
