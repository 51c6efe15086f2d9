package dev.annals.saga.internal.engine;

import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaEvent;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.internal.execution.SagaLog;
import java.util.List;
import java.util.Optional;

/** A saga log that counts what each save recorded ({@link SagaMetrics}). */
final class MeteredSagaLog implements SagaLog {

  private final SagaLog log;
  private final SagaMetrics metrics;

  MeteredSagaLog(SagaLog log, SagaMetrics metrics) {
    this.log = log;
    this.metrics = metrics;
  }

  @Override
  public Optional<Saga> load(SagaId id) {
    return log.load(id);
  }

  @Override
  public void save(Saga saga) {
    List<SagaEvent> raised = saga.raisedEvents();
    log.save(saga);
    metrics.recorded(saga, raised);
  }
}
