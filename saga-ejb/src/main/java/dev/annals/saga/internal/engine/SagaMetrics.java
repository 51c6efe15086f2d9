package dev.annals.saga.internal.engine;

import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Sagas per type in {@code /metrics}: {@code annals_sagas_started_total}, {@code …_completed},
 * {@code …_compensated}, {@code …_failed} (a step failed with nothing to undo, or a compensation
 * kept failing), {@code …_cancelled}, and {@code annals_sagas_duration_seconds} from start to a
 * final state, each tagged {@code type}. Counted when the log records the event, so a saga that
 * fails, is retried and completes counts once failed and once completed.
 */
@ApplicationScoped
public class SagaMetrics {

  @Inject MetricRegistry metrics;

  /** Counts what {@code raised} (just saved) means for the saga's type. */
  public void recorded(Saga saga, List<SagaEvent> raised) {
    String type = saga.plan().type();
    for (SagaEvent e : raised) {
      if (e instanceof SagaEvent.Started) {
        count("annals.sagas.started", type);
      } else if (e instanceof SagaEvent.Completed c) {
        finished("annals.sagas.completed", saga, c.at().toEpochMilli());
      } else if (e instanceof SagaEvent.Compensated c) {
        finished("annals.sagas.compensated", saga, c.at().toEpochMilli());
      } else if (e instanceof SagaEvent.Cancelled c) {
        finished("annals.sagas.cancelled", saga, c.at().toEpochMilli());
      } else if (e instanceof SagaEvent.Failed
          || e instanceof SagaEvent.CompensationFailed f && f.retryAt().isEmpty()) {
        count("annals.sagas.failed", type);
      }
    }
  }

  private void finished(String name, Saga saga, long atMillis) {
    String type = saga.plan().type();
    count(name, type);
    long millis = Math.max(0, atMillis - saga.startedAt().toEpochMilli());
    metrics.timer("annals.sagas.duration", new Tag("type", type)).update(Duration.ofMillis(millis));
  }

  private void count(String name, String type) {
    metrics.counter(name, new Tag("type", type)).inc();
  }
}
