package dev.annals.saga.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A saga type a tenant admin defines over HTTP, for teams without a Java deployment: steps that are
 * HTTP calls. Every call carries {@code Idempotency-Key: <sagaId>:<step>} ({@code :compensate} for
 * a compensation) and the saga's correlation id.
 *
 * @param type the type's name (see {@link SagaPlan})
 * @param steps its steps in order
 * @param timeout how long a whole saga may take, if bounded
 */
public record HttpSagaType(String type, List<HttpSagaStep> steps, Optional<Duration> timeout) {

  /** Checks the shape as a {@link SagaPlan} does. */
  public HttpSagaType {
    steps = List.copyOf(steps);
    plan(type, steps, timeout);
  }

  /** What the orchestrator follows of this type. */
  public SagaPlan plan() {
    return plan(type, steps, timeout);
  }

  private static SagaPlan plan(String type, List<HttpSagaStep> steps, Optional<Duration> timeout) {
    return new SagaPlan(type, steps.stream().map(HttpSagaStep::plan).toList(), timeout);
  }

  /**
   * The step named {@code name}.
   *
   * @throws IllegalArgumentException when there is none
   */
  public HttpSagaStep step(String name) {
    return steps.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No step " + name + " in " + type));
  }
}
