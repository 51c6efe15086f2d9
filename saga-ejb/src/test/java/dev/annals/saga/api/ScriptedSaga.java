package dev.annals.saga.api;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A saga type for tests whose steps (named a, b, c, …) do what a script says: each call of a step's
 * action or compensation takes the next outcome of its script ({@code ok} when the script is used
 * up), and successful actions append their name to the data.
 */
final class ScriptedSaga implements SagaDefinition<ScriptedSaga.Trail> {

  /** The data: the names of the steps whose action succeeded, in order. */
  public record Trail(List<String> done) {}

  enum Outcome {
    OK,
    FAIL,
    REFUSE
  }

  private final List<SagaStep<Trail>> steps = new ArrayList<>();
  private final Map<String, Deque<Outcome>> actionScripts = new HashMap<>();
  private final Map<String, Deque<Outcome>> compensationScripts = new HashMap<>();
  private Optional<Duration> timeout = Optional.empty();

  ScriptedSaga step(String name, int attempts, boolean compensable) {
    StepAction<Trail> action = (trail, context) -> act(actionScripts, name, trail, true);
    StepAction<Trail> compensation =
        (trail, context) -> act(compensationScripts, name, trail, false);
    RetryBudget budget = RetryBudget.of(attempts, Duration.ofMillis(100));
    steps.add(
        new SagaStep<>(
            name,
            action,
            compensable ? Optional.of(compensation) : Optional.empty(),
            budget,
            Optional.empty()));
    return this;
  }

  ScriptedSaga stepTimingOut(String name, Duration limit) {
    int index = steps.indexOf(step(name));
    steps.set(index, steps.get(index).timingOutAfter(limit));
    return this;
  }

  ScriptedSaga timingOutAfter(Duration limit) {
    timeout = Optional.of(limit);
    return this;
  }

  ScriptedSaga actions(String name, Outcome... outcomes) {
    actionScripts.put(name, new ArrayDeque<>(List.of(outcomes)));
    return this;
  }

  ScriptedSaga compensations(String name, Outcome... outcomes) {
    compensationScripts.put(name, new ArrayDeque<>(List.of(outcomes)));
    return this;
  }

  private static Trail act(
      Map<String, Deque<Outcome>> scripts, String name, Trail trail, boolean record) {
    Deque<Outcome> script = scripts.get(name);
    Outcome outcome = script == null || script.isEmpty() ? Outcome.OK : script.poll();
    switch (outcome) {
      case FAIL -> throw new IllegalStateException(name + " is down");
      case REFUSE -> throw new StepRefusedException(name + " refused");
      default -> {}
    }
    if (!record) {
      return trail;
    }
    List<String> done = new ArrayList<>(trail.done());
    done.add(name);
    return new Trail(done);
  }

  @Override
  public String type() {
    return "scripted";
  }

  @Override
  public Class<Trail> dataType() {
    return Trail.class;
  }

  @Override
  public List<SagaStep<Trail>> steps() {
    return List.copyOf(steps);
  }

  @Override
  public Optional<Duration> timeout() {
    return timeout;
  }

  static Trail empty() {
    return new Trail(List.of());
  }
}
