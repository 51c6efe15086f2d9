package dev.annals.saga.internal.execution;

import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaId;
import java.util.Optional;

/**
 * Where sagas live: their log stream. Saving appends the events raised since loading with the
 * loaded version as the expected version, so of two nodes acting on one saga only one records.
 */
public interface SagaLog {

  /** The saga as its log makes it, or empty when it has none. */
  Optional<Saga> load(SagaId id);

  /**
   * Appends the saga's raised events.
   *
   * @throws SagaMovedOnException when its log grew since it was loaded
   */
  void save(Saga saga);
}
