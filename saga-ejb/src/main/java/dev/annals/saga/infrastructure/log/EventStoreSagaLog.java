package dev.annals.saga.infrastructure.log;

import dev.annals.eventstore.api.AppendContext;
import dev.annals.eventstore.api.WrongExpectedVersionException;
import dev.annals.eventstore.api.aggregate.Aggregates;
import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaAction;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.infrastructure.index.SagaIndex;
import dev.annals.saga.internal.execution.SagaLog;
import dev.annals.saga.internal.execution.SagaMovedOnException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.UnavailableException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One tenant's saga logs on the event store (streams {@code saga-<id>}), in the caller's
 * transaction. Saving appends the raised events with the loaded version as the expected version and
 * brings the saga's index row (state, when it next needs running) along in the same transaction, so
 * the index never disagrees with a committed log.
 */
public final class EventStoreSagaLog implements SagaLog {

  private final Aggregates aggregates;
  private final SagaIndex index;
  private final TenantId tenant;
  private final Clock clock;

  /**
   * @param aggregates the event store's aggregates
   * @param index the saga index
   * @param tenant whose sagas
   * @param clock the time
   */
  public EventStoreSagaLog(Aggregates aggregates, SagaIndex index, TenantId tenant, Clock clock) {
    this.aggregates = aggregates;
    this.index = index;
    this.tenant = tenant;
    this.clock = clock;
  }

  @Override
  public Optional<Saga> load(SagaId id) {
    return aggregates.load(tenant, SagaLogType.INSTANCE, id.value());
  }

  @Override
  public void save(Saga saga) {
    if (saga.raisedEvents().isEmpty()) {
      return;
    }
    try {
      aggregates.save(
          tenant,
          SagaLogType.INSTANCE,
          saga,
          "saga",
          new AppendContext(saga.correlationId(), null, null));
    } catch (WrongExpectedVersionException e) {
      throw new SagaMovedOnException("Saga " + saga.id() + " moved on");
    }
    try {
      index.update(tenant, saga.id(), saga.state(), wakeAt(saga, clock.instant()));
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("index saga " + saga.id(), e);
    }
  }

  /** When the saga needs running by itself: now for an action, a wait's end, never when idle. */
  static Optional<Instant> wakeAt(Saga saga, Instant now) {
    SagaAction next = saga.next(now);
    if (next instanceof SagaAction.Idle) {
      return Optional.empty();
    }
    if (next instanceof SagaAction.WaitUntil wait) {
      return Optional.of(wait.time());
    }
    return Optional.of(now);
  }
}
