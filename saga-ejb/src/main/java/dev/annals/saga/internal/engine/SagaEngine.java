package dev.annals.saga.internal.engine;

import dev.annals.dlq.api.DeadLetterQueue;
import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.aggregate.Aggregates;
import dev.annals.saga.infrastructure.index.SagaIndex;
import dev.annals.saga.infrastructure.log.EventStoreSagaLog;
import dev.annals.saga.internal.deadletter.DeadLetteringSagaLog;
import dev.annals.saga.internal.execution.SagaLog;
import dev.annals.saga.internal.execution.SagaRunner;
import dev.annals.saga.internal.execution.Transactions;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Puts the engine's parts together for a tenant: its saga log on the event store (with its dead
 * letters), the runner's {@code REQUIRES_NEW} transactions and the saga types by name.
 */
@ApplicationScoped
public class SagaEngine {

  @EJB Aggregates aggregates;

  @EJB TransactionsBean transactionsBean;

  @EJB DeadLetterQueue deadLetters;

  @EJB EventStore events;

  @Inject SagaIndex index;

  @Inject SagaTypeRegistry types;

  @Inject SagaMetrics metrics;

  private final Clock clock = Clock.systemUTC();

  /** The time the engine goes by. */
  public Clock clock() {
    return clock;
  }

  /**
   * The tenant's saga log, in the caller's transaction: counted, and sending a dead letter when a
   * compensation gives up.
   */
  public SagaLog log(TenantId tenant) {
    return new MeteredSagaLog(
        new DeadLetteringSagaLog(
            new EventStoreSagaLog(aggregates, index, tenant, clock), tenant, deadLetters, events),
        metrics);
  }

  /** New transactions for the runner. */
  public Transactions transactions() {
    return TransactionsBean.over(transactionsBean);
  }

  /** A runner of the tenant's sagas. */
  public SagaRunner runner(TenantId tenant) {
    Transactions transactions = transactions();
    return new SagaRunner(
        log(tenant),
        transactions,
        type ->
            transactions.inNew(
                () ->
                    types.resolve(tenant, type).map(SagaTypeRegistry.Resolved::steps).orElse(null)),
        clock,
        () -> ThreadLocalRandom.current().nextDouble());
  }
}
