package dev.annals.saga.testing;

import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaAction;
import dev.annals.saga.api.SagaData;
import dev.annals.saga.api.SagaDefinition;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.api.StepContext;
import dev.annals.saga.internal.execution.InMemorySagaLog;
import dev.annals.saga.internal.execution.JavaSteps;
import dev.annals.saga.internal.execution.SagaRunner;
import dev.annals.saga.internal.execution.SagaSteps;
import dev.annals.saga.internal.execution.StepInvoker;
import dev.annals.saga.internal.execution.StepOutcome;
import dev.annals.saga.internal.execution.Transactions;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Runs a Java saga type's real steps through the engine's own runner and state machine, on a
 * virtual clock, with the saga's log in memory and without a container: given the data, when the
 * saga starts (and maybe is cancelled or retried), expect its state, the order of what ran and its
 * data. Backoffs and deadlines pass in virtual time; a step can be made to take time ({@link
 * #stepTakes}) to reach a deadline. Every run also rebuilds the saga from its log and checks the
 * rebuilt one agrees, so a test of a saga type is also a test of the log it writes.
 *
 * <pre>{@code
 * SagaTestFixture.of(new AssignTaskSaga(roster, runs, evidence))
 *     .whenStarted(new Assignment("task-1", "agent-7"))
 *     .expectState(SagaState.COMPENSATED)
 *     .expectExecuted("reserve-agent", "start-run", "record-evidence", "record-evidence",
 *         "record-evidence", "start-run:compensate", "reserve-agent:compensate");
 * }</pre>
 *
 * @param <D> the saga's data
 */
public final class SagaTestFixture<D> {

  private static final int MAX_ACTIONS = 100_000;

  private final SagaDefinition<D> definition;
  private final SagaData<D> data;
  private final Map<String, Duration> durations = new HashMap<>();
  private Instant start = Instant.parse("2026-01-01T00:00:00Z");

  private SagaTestFixture(SagaDefinition<D> definition) {
    this.definition = definition;
    this.data = new SagaData<>(definition.dataType());
  }

  /** A fixture for one saga type. */
  public static <D> SagaTestFixture<D> of(SagaDefinition<D> definition) {
    return new SagaTestFixture<>(definition);
  }

  /** Every attempt of {@code step} (its action or its compensation) takes {@code duration}. */
  public SagaTestFixture<D> stepTakes(String step, Duration duration) {
    definition.step(step);
    durations.put(step, duration);
    return this;
  }

  /** The virtual clock starts at {@code time}. */
  public SagaTestFixture<D> startingAt(Instant time) {
    start = time;
    return this;
  }

  /** Starts a saga with {@code given} data and runs it until it is final or waits for a retry. */
  public SagaTestRun<D> whenStarted(D given) {
    return run(given, Optional.empty());
  }

  /** Starts a saga and cancels it just before {@code step} would run. */
  public SagaTestRun<D> whenStartedAndCancelledBefore(String step, D given) {
    definition.step(step);
    return run(given, Optional.of(step));
  }

  private SagaTestRun<D> run(D given, Optional<String> cancelBefore) {
    SagaId id = new SagaId("fixture");
    InMemorySagaLog log = new InMemorySagaLog();
    Saga saga = new Saga(id);
    saga.start(definition.plan(), data.toJson(given), "fixture-correlation", start);
    log.save(saga);
    return drive(new SagaTestRun<>(this, log, id, data, List.of(), start), cancelBefore);
  }

  /** Runs the saga of {@code run} until nothing more happens by itself. */
  SagaTestRun<D> drive(SagaTestRun<D> run, Optional<String> cancelBefore) {
    List<String> executed = new ArrayList<>(run.executed());
    VirtualClock clock = new VirtualClock(run.clock());
    Random jitter = new Random(42);
    SagaRunner runner =
        new SagaRunner(
            run.store(),
            Transactions.DIRECT,
            type -> new Recording(new JavaSteps<>(definition), executed, clock),
            clock,
            jitter::nextDouble);
    SagaId id = run.id();
    for (int i = 0; i < MAX_ACTIONS; i++) {
      Saga saga = run.store().load(id).orElseThrow();
      SagaAction next = saga.next(clock.instant());
      if (next instanceof SagaAction.RunStep step
          && cancelBefore.filter(step.step()::equals).isPresent()) {
        cancelBefore = Optional.empty();
        saga.cancel(clock.instant());
        run.store().save(saga);
        continue;
      }
      Optional<SagaRunner.Rest> rest = runner.advanceOnce(id);
      if (rest.isPresent()) {
        if (rest.get().wakeAt().isEmpty()) {
          return run.next(executed, clock.instant());
        }
        clock.set(rest.get().wakeAt().get());
      }
    }
    throw new AssertionError("Saga still busy after " + MAX_ACTIONS + " actions: " + executed);
  }

  /** Steps that note what ran and take the time {@link #stepTakes} gave them. */
  private final class Recording implements SagaSteps {

    private final SagaSteps steps;
    private final List<String> executed;
    private final VirtualClock clock;

    Recording(SagaSteps steps, List<String> executed, VirtualClock clock) {
      this.steps = steps;
      this.executed = executed;
      this.clock = clock;
    }

    @Override
    public Optional<StepInvoker> action(String step) {
      return steps.action(step).map(i -> timed(i, step, step));
    }

    @Override
    public Optional<StepInvoker> compensation(String step) {
      return steps.compensation(step).map(i -> timed(i, step, step + ":compensate"));
    }

    private StepInvoker timed(StepInvoker invoker, String step, String label) {
      return new StepInvoker() {
        @Override
        public boolean transactional() {
          return invoker.transactional();
        }

        @Override
        public StepOutcome invoke(JsonObject data, StepContext context) {
          executed.add(label);
          StepOutcome outcome = invoker.invoke(data, context);
          clock.advance(durations.getOrDefault(step, Duration.ZERO));
          return outcome;
        }
      };
    }
  }
}
