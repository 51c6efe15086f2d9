package dev.annals.saga.internal.execution;

import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaEvent;
import dev.annals.saga.api.SagaId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sagas kept in memory with the same expected-version rule as the event store: for the test fixture
 * and unit tests, never for the server.
 */
public final class InMemorySagaLog implements SagaLog {

  private final Map<String, List<SagaEvent>> logs = new ConcurrentHashMap<>();

  @Override
  public Optional<Saga> load(SagaId id) {
    List<SagaEvent> events = logs.get(id.value());
    if (events == null) {
      return Optional.empty();
    }
    Saga saga = new Saga(id);
    synchronized (events) {
      for (int i = 0; i < events.size(); i++) {
        saga.replay(events.get(i), i + 1L);
      }
    }
    return Optional.of(saga);
  }

  @Override
  public void save(Saga saga) {
    List<SagaEvent> events = logs.computeIfAbsent(saga.id(), id -> new ArrayList<>());
    synchronized (events) {
      if (events.size() != saga.loadedVersion()) {
        throw new SagaMovedOnException("Saga " + saga.id() + " moved on");
      }
      events.addAll(saga.raisedEvents());
      saga.saved(events.size());
    }
  }

  /** The saga's log as stored. */
  public List<SagaEvent> events(SagaId id) {
    List<SagaEvent> events = logs.getOrDefault(id.value(), List.of());
    synchronized (events) {
      return List.copyOf(events);
    }
  }
}
