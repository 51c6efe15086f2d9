package dev.annals.saga.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A saga type written in Java: a CDI bean (application scoped) that names its type, the class of
 * its data (passed between steps as JSON, so a record or a JSON-B bean) and its steps in order. The
 * saga engine finds every such bean by {@link #type()}.
 *
 * @param <D> the saga's data
 */
public interface SagaDefinition<D> {

  /** The saga type's name (see {@link SagaPlan}). */
  String type();

  /** The class of the saga's data. */
  Class<D> dataType();

  /** The steps, in the order they run. */
  List<SagaStep<D>> steps();

  /** How long a whole saga of this type may take, if bounded. */
  default Optional<Duration> timeout() {
    return Optional.empty();
  }

  /** What the orchestrator follows of this type. */
  default SagaPlan plan() {
    return new SagaPlan(type(), steps().stream().map(SagaStep::plan).toList(), timeout());
  }

  /**
   * The step named {@code name}.
   *
   * @throws IllegalArgumentException when there is none
   */
  default SagaStep<D> step(String name) {
    return steps().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No step " + name + " in " + type()));
  }
}
