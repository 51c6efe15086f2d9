package dev.annals.saga.internal.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.saga.api.RetryBudget;
import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaEvent;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.api.SagaPlan;
import dev.annals.saga.api.SagaState;
import dev.annals.saga.api.StepContext;
import dev.annals.saga.api.StepPlan;
import dev.annals.saga.api.StepState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SagaRunnerTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final JsonObject DATA = Json.createObjectBuilder().add("n", 1).build();

  private final InMemorySagaLog log = new InMemorySagaLog();
  private final SagaId id = new SagaId("order-1");

  private void start(String... steps) {
    List<StepPlan> plans = new ArrayList<>();
    for (String step : steps) {
      plans.add(new StepPlan(step, true, RetryBudget.of(2, Duration.ZERO), Optional.empty()));
    }
    Saga saga = new Saga(id);
    saga.start(new SagaPlan("order", plans, Optional.empty()), DATA, "corr-1", CLOCK.instant());
    log.save(saga);
  }

  private SagaRunner runner(Transactions transactions, StepInvoker invoker) {
    SagaSteps steps =
        new SagaSteps() {
          @Override
          public Optional<StepInvoker> action(String step) {
            return Optional.of(invoker);
          }

          @Override
          public Optional<StepInvoker> compensation(String step) {
            return Optional.of(invoker);
          }
        };
    return new SagaRunner(log, transactions, type -> steps, CLOCK, () -> 0.5);
  }

  /** An HTTP-like step: outside any transaction, noting the keys it was called with. */
  private static final class Calls implements StepInvoker {
    final List<String> keys = new ArrayList<>();
    Function<StepContext, StepOutcome> answer = c -> new StepOutcome.Succeeded(DATA);

    @Override
    public boolean transactional() {
      return false;
    }

    @Override
    public StepOutcome invoke(JsonObject data, StepContext context) {
      keys.add(context.idempotencyKey() + "#" + context.attempt());
      return answer.apply(context);
    }
  }

  @Test
  void aNodeThatStopsMidCallLeavesTheAttemptStartedAndTheNextRunResumesItUnderTheSameKey() {
    start("reserve", "charge");
    Calls calls = new Calls();
    calls.answer =
        c -> {
          throw new IllegalStateException("node killed");
        };
    assertThrows(IllegalStateException.class, () -> runner(Transactions.DIRECT, calls).advance(id));
    assertEquals(StepState.RUNNING, log.load(id).orElseThrow().steps().get(0).state());

    calls.answer = c -> new StepOutcome.Succeeded(DATA);
    SagaRunner.Rest rest = runner(Transactions.DIRECT, calls).advance(id);
    assertEquals(SagaState.COMPLETED, rest.state());
    assertEquals(List.of("order-1:reserve#1", "order-1:reserve#1", "order-1:charge#1"), calls.keys);
    assertEquals(1, log.load(id).orElseThrow().steps().get(0).attempts());
  }

  @Test
  void anOutcomeThatAnotherNodeOvertookIsDroppedAndRecordedOnce() {
    start("reserve");
    Calls other = new Calls();
    Calls first = new Calls();
    // While the first node's call is out, the second node runs the same attempt to the end.
    first.answer =
        c -> {
          runner(Transactions.DIRECT, other).advance(id);
          return new StepOutcome.Succeeded(DATA);
        };
    assertEquals(SagaState.COMPLETED, runner(Transactions.DIRECT, first).advance(id).state());
    assertEquals(List.of("order-1:reserve#1"), first.keys);
    assertEquals(List.of("order-1:reserve#1"), other.keys);
    assertEquals(
        1, log.events(id).stream().filter(e -> e instanceof SagaEvent.StepSucceeded).count());
  }

  @Test
  void aFailedJavaAttemptRollsItsOwnWritesBackAndIsRecordedAfterwards() {
    start("reserve");
    Rollbacks transactions = new Rollbacks();
    List<String> committed = transactions.committed;
    int[] calls = {0};
    StepInvoker java =
        new StepInvoker() {
          @Override
          public boolean transactional() {
            return true;
          }

          @Override
          public StepOutcome invoke(JsonObject data, StepContext context) {
            transactions.write("write of attempt " + context.attempt());
            return ++calls[0] == 1
                ? new StepOutcome.Failed("stock service down", true)
                : new StepOutcome.Succeeded(DATA);
          }
        };
    assertEquals(SagaState.COMPLETED, runner(transactions, java).advance(id).state());
    assertEquals(List.of("write of attempt 2"), committed);
    Saga saga = log.load(id).orElseThrow();
    assertEquals(2, saga.steps().get(0).attempts());
    assertTrue(
        log.events(id).stream()
            .anyMatch(
                e ->
                    e instanceof SagaEvent.StepFailed f && f.error().equals("stock service down")));
  }

  @Test
  void aStepTheTypeNoLongerHasFailsForGood() {
    start("reserve");
    SagaRunner runner = new SagaRunner(log, Transactions.DIRECT, type -> null, CLOCK, () -> 0.5);
    assertEquals(SagaState.FAILED, runner.advance(id).state());
    assertEquals(
        "saga type 'order' has no reserve any more",
        log.load(id).orElseThrow().steps().get(0).error().orElseThrow());
  }

  /** Transactions whose writes become visible only when the work returns. */
  private static final class Rollbacks implements Transactions {
    final List<String> committed = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();

    void write(String what) {
      pending.add(what);
    }

    @Override
    public <T> T inNew(Supplier<T> work) {
      pending.clear();
      T result;
      try {
        result = work.get();
      } catch (RuntimeException e) {
        pending.clear();
        throw e;
      }
      committed.addAll(pending);
      pending.clear();
      return result;
    }
  }
}
