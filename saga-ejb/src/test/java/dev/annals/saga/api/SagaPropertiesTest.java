package dev.annals.saga.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.saga.api.ScriptedSaga.Outcome;
import dev.annals.saga.testing.SagaTestFixture;
import dev.annals.saga.testing.SagaTestRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of sagas with random steps and random outcomes (seeded: {@code -Dannals.saga.seed=} to
 * replay one), checked against what any run must satisfy.
 */
class SagaPropertiesTest {

  private static final long SEED = Long.getLong("annals.saga.seed", 20261130L);

  @Test
  void randomSagasKeepTheOrchestrationInvariants() {
    Random random = new Random(SEED);
    for (int i = 0; i < 500; i++) {
      long seed = random.nextLong();
      check(seed);
    }
  }

  private static void check(long seed) {
    Random random = new Random(seed);
    ScriptedSaga definition = new ScriptedSaga();
    int stepCount = 1 + random.nextInt(5);
    List<String> names = new ArrayList<>();
    for (int s = 0; s < stepCount; s++) {
      String name = "s" + s;
      names.add(name);
      definition.step(name, 1 + random.nextInt(3), random.nextInt(4) > 0);
      definition.actions(name, outcomes(random, 4));
      definition.compensations(name, outcomes(random, 2));
    }
    SagaTestRun<ScriptedSaga.Trail> run =
        SagaTestFixture.of(definition).whenStarted(ScriptedSaga.empty());
    String context = "seed " + seed + ": " + run.executed();
    Saga saga = run.saga();
    List<String> succeeded = run.data().done();
    List<String> compensated =
        run.executed().stream()
            .filter(e -> e.endsWith(":compensate"))
            .map(e -> e.substring(0, e.indexOf(':')))
            .distinct()
            .toList();

    // Steps run in order and a step runs only after the one before it succeeded.
    assertEquals(names.subList(0, succeeded.size()), succeeded, context);
    // Only steps that succeeded are undone, in reverse order, each compensable one at most once
    // successfully.
    List<String> reversed = new ArrayList<>(compensated);
    java.util.Collections.reverse(reversed);
    assertEquals(succeeded.stream().filter(reversed::contains).toList(), reversed, context);
    SagaState state = saga.state();
    switch (state) {
      case COMPLETED -> assertEquals(names, succeeded, context);
      case COMPENSATED -> {
        for (StepStatus step : saga.steps()) {
          boolean undone = step.state() == StepState.COMPENSATED;
          boolean compensable = definition.step(step.name()).compensation().isPresent();
          assertEquals(succeeded.contains(step.name()) && compensable, undone, context);
        }
      }
      case FAILED ->
          assertTrue(
              saga.steps().stream()
                  .noneMatch(
                      s ->
                          s.state() == StepState.SUCCEEDED
                              && definition.step(s.name()).compensation().isPresent()),
              context);
      case COMPENSATION_FAILED ->
          assertEquals(
              1,
              saga.steps().stream().filter(s -> s.state() == StepState.COMPENSATION_FAILED).count(),
              context);
      default -> throw new AssertionError("Unexpected end state " + state + " for " + context);
    }
    // Budgets hold: no step ran more often than its budget allows.
    for (StepStatus step : saga.steps()) {
      int budget = definition.step(step.name()).retry().maxAttempts();
      assertTrue(step.attempts() <= budget, context);
      assertTrue(step.compensationAttempts() <= budget, context);
    }
  }

  private static Outcome[] outcomes(Random random, int count) {
    Outcome[] outcomes = new Outcome[count];
    for (int i = 0; i < count; i++) {
      int roll = random.nextInt(10);
      outcomes[i] = roll < 6 ? Outcome.OK : roll < 9 ? Outcome.FAIL : Outcome.REFUSE;
    }
    return outcomes;
  }
}
