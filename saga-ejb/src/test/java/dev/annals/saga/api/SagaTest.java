package dev.annals.saga.api;

import static dev.annals.saga.api.ScriptedSaga.Outcome.FAIL;
import static dev.annals.saga.api.ScriptedSaga.Outcome.OK;
import static dev.annals.saga.api.ScriptedSaga.Outcome.REFUSE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.aggregate.BusinessRuleViolationException;
import dev.annals.saga.api.SagaAction.Compensate;
import dev.annals.saga.api.SagaAction.RunStep;
import dev.annals.saga.api.SagaAction.TimeOut;
import dev.annals.saga.api.SagaAction.WaitUntil;
import dev.annals.saga.api.SagaEvent.Compensated;
import dev.annals.saga.api.SagaEvent.CompensationBegan;
import dev.annals.saga.api.SagaEvent.CompensationStarted;
import dev.annals.saga.api.SagaEvent.CompensationSucceeded;
import dev.annals.saga.api.SagaEvent.Completed;
import dev.annals.saga.api.SagaEvent.Started;
import dev.annals.saga.api.SagaEvent.StepFailed;
import dev.annals.saga.api.SagaEvent.StepStarted;
import dev.annals.saga.api.SagaEvent.StepSucceeded;
import dev.annals.saga.api.ScriptedSaga.Trail;
import dev.annals.saga.testing.SagaTestFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SagaTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final JsonObject DATA = Json.createObjectBuilder().add("n", 1).build();

  private static ScriptedSaga threeSteps() {
    return new ScriptedSaga().step("a", 3, true).step("b", 3, true).step("c", 3, true);
  }

  @Test
  void everyStepSucceedingCompletesTheSagaWithTheDataEachStepLeft() {
    SagaTestFixture.of(threeSteps())
        .whenStarted(ScriptedSaga.empty())
        .expectState(SagaState.COMPLETED)
        .expectExecuted("a", "b", "c")
        .expectData(new Trail(List.of("a", "b", "c")))
        .expectLog(
            Started.class,
            StepStarted.class,
            StepSucceeded.class,
            StepStarted.class,
            StepSucceeded.class,
            StepStarted.class,
            StepSucceeded.class,
            Completed.class);
  }

  @Test
  void aStepFailingForGoodUndoesTheFinishedStepsInReverseOrderOnce() {
    SagaTestFixture.of(threeSteps().actions("c", FAIL, FAIL, FAIL))
        .whenStarted(ScriptedSaga.empty())
        .expectState(SagaState.COMPENSATED)
        .expectExecuted("a", "b", "c", "c", "c", "b:compensate", "a:compensate")
        .expectAttempts("c", 3);
  }

  @Test
  void aStepThatFailsTwiceThenSucceedsWithinItsBudgetNeedsNoCompensation() {
    SagaTestFixture.of(threeSteps().actions("b", FAIL, FAIL, OK))
        .whenStarted(ScriptedSaga.empty())
        .expectState(SagaState.COMPLETED)
        .expectExecuted("a", "b", "b", "b", "c")
        .expectAttempts("b", 3);
  }

  @Test
  void aRefusalFailsTheStepWithoutRetrying() {
    SagaTestFixture.of(threeSteps().actions("b", REFUSE))
        .whenStarted(ScriptedSaga.empty())
        .expectState(SagaState.COMPENSATED)
        .expectExecuted("a", "b", "a:compensate")
        .expectAttempts("b", 1);
  }

  @Test
  void retriesWaitForTheirBackoffOnTheClock() {
    var run =
        SagaTestFixture.of(new ScriptedSaga().step("a", 3, true).actions("a", FAIL, FAIL))
            .whenStarted(ScriptedSaga.empty());
    // 100 ms then 200 ms, each less up to half by jitter.
    long waited = Duration.between(T0, run.clock()).toMillis();
    assertTrue(waited >= 150 && waited <= 300, "waited " + waited + " ms");
  }

  @Test
  void stepsWithoutCompensationAreSkippedWhenUndoing() {
    SagaTestFixture.of(
            new ScriptedSaga()
                .step("a", 1, true)
                .step("b", 1, false)
                .step("c", 1, true)
                .actions("c", REFUSE))
        .whenStarted(ScriptedSaga.empty())
        .expectState(SagaState.COMPENSATED)
        .expectExecuted("a", "b", "c", "a:compensate");
  }

  @Test
  void aFirstStepFailingForGoodLeavesNothingToUndoAndARetryRunsItAgain() {
    var failed =
        SagaTestFixture.of(threeSteps().actions("a", REFUSE))
            .whenStarted(ScriptedSaga.empty())
            .expectState(SagaState.FAILED)
            .expectExecuted("a");
    failed
        .whenRetried()
        .expectState(SagaState.COMPLETED)
        .expectExecuted("a", "a", "b", "c")
        .expectAttempts("a", 1);
  }

  @Test
  void aCompensationThatKeepsFailingWaitsForAnOperatorThenCompensates() {
    var stuck =
        SagaTestFixture.of(threeSteps().actions("c", REFUSE).compensations("a", FAIL, FAIL, FAIL))
            .whenStarted(ScriptedSaga.empty())
            .expectState(SagaState.COMPENSATION_FAILED)
            .expectExecuted(
                "a", "b", "c", "b:compensate", "a:compensate", "a:compensate", "a:compensate");
    assertEquals(StepState.COMPENSATION_FAILED, stuck.saga().steps().get(0).state());
    stuck
        .whenRetried()
        .expectState(SagaState.COMPENSATED)
        .expectExecuted(
            "a",
            "b",
            "c",
            "b:compensate",
            "a:compensate",
            "a:compensate",
            "a:compensate",
            "a:compensate");
  }

  @Test
  void cancellingUndoesWhatFinishedAndEndsCancelled() {
    SagaTestFixture.of(threeSteps())
        .whenStartedAndCancelledBefore("c", ScriptedSaga.empty())
        .expectState(SagaState.CANCELLED)
        .expectExecuted("a", "b", "b:compensate", "a:compensate");
    SagaTestFixture.of(threeSteps())
        .whenStartedAndCancelledBefore("a", ScriptedSaga.empty())
        .expectState(SagaState.CANCELLED)
        .expectExecuted();
  }

  @Test
  void onlyARunningSagaCanBeCancelledOrAFailedOneRetried() {
    var done = SagaTestFixture.of(threeSteps()).whenStarted(ScriptedSaga.empty());
    assertEquals(
        "cancel-running-only",
        assertThrows(BusinessRuleViolationException.class, () -> done.saga().cancel(T0)).rule());
    assertEquals(
        "retry-after-failure",
        assertThrows(BusinessRuleViolationException.class, done::whenRetried).rule());
  }

  @Test
  void aSagaDeadlineUndoesTheStepInFlightToo() {
    SagaTestFixture.of(threeSteps().timingOutAfter(Duration.ofSeconds(5)))
        .stepTakes("b", Duration.ofSeconds(10))
        .whenStarted(ScriptedSaga.empty())
        .expectState(SagaState.COMPENSATED)
        .expectExecuted("a", "b", "b:compensate", "a:compensate");
  }

  @Test
  void aStepDeadlineFailsTheStepForGoodAcrossItsRetries() {
    var saga =
        threeSteps().actions("b", FAIL, FAIL, FAIL).stepTimingOut("b", Duration.ofMillis(150));
    SagaTestFixture.of(saga)
        .whenStarted(ScriptedSaga.empty())
        .expectState(SagaState.COMPENSATED)
        .expectExecuted("a", "b", "b", "a:compensate")
        .expectData(new Trail(List.of("a")));
  }

  @Test
  void aLateOutcomeOfAnEarlierAttemptIsRefused() {
    Saga saga = started(new ScriptedSaga().step("a", 3, true).plan());
    saga.stepStarting("a", 1, T0);
    saga.stepFailed("a", 1, "down", true, T0, 0);
    Instant later = T0.plusSeconds(1);
    saga.stepStarting("a", 2, later);
    assertThrows(IllegalStateException.class, () -> saga.stepSucceeded("a", 1, DATA, later));
    assertThrows(IllegalStateException.class, () -> saga.stepStarting("a", 3, later));
    saga.stepSucceeded("a", 2, DATA, later);
    assertEquals(SagaState.COMPLETED, saga.state());
  }

  @Test
  void aSagaRebuiltMidStepResumesTheSameAttemptWithTheSameKey() {
    Saga saga = started(threeSteps().plan());
    saga.stepStarting("a", 1, T0);
    Saga rebuilt = rebuild(saga);
    assertEquals(new RunStep("a", 1, "s1:a"), rebuilt.next(T0.plusSeconds(1)));
    rebuilt.stepStarting("a", 1, T0.plusSeconds(1));
    rebuilt.stepSucceeded("a", 1, DATA, T0.plusSeconds(2));
    assertEquals(1, rebuilt.steps().get(0).attempts());
  }

  @Test
  void aSagaRebuiltMidCompensationResumesItWithTheCompensationKey() {
    Saga saga = started(threeSteps().plan());
    saga.stepStarting("a", 1, T0);
    saga.stepSucceeded("a", 1, DATA, T0);
    saga.stepStarting("b", 1, T0);
    saga.stepFailed("b", 1, "no", false, T0, 0);
    saga.compensationStarting("a", 1, T0);
    Saga rebuilt = rebuild(saga);
    assertEquals(SagaState.COMPENSATING, rebuilt.state());
    assertEquals(new Compensate("a", 1, "s1:a:compensate"), rebuilt.next(T0));
    rebuilt.compensationStarting("a", 1, T0);
    rebuilt.compensationSucceeded("a", 1, T0);
    assertEquals(SagaState.COMPENSATED, rebuilt.state());
    assertEquals(
        List.of(CompensationBegan.class, CompensationStarted.class),
        saga.raisedEvents().subList(5, 7).stream().map(Object::getClass).toList());
    assertEquals(
        List.of(CompensationStarted.class, CompensationSucceeded.class, Compensated.class),
        rebuilt.raisedEvents().stream().map(Object::getClass).toList());
  }

  @Test
  void nextTellsWhenToWakeForARetryOrADeadline() {
    Saga saga = started(threeSteps().timingOutAfter(Duration.ofSeconds(60)).plan());
    assertEquals(T0.plusSeconds(60), saga.wakeAt(T0).orElseThrow());
    saga.stepStarting("a", 1, T0);
    saga.stepFailed("a", 1, "down", true, T0, 0);
    assertEquals(new WaitUntil(T0.plusMillis(100)), saga.next(T0));
    assertEquals(new TimeOut(), saga.next(T0.plusSeconds(60)));
    assertEquals(
        StepFailed.class, saga.raisedEvents().get(saga.raisedEvents().size() - 1).getClass());
  }

  private static Saga started(SagaPlan plan) {
    Saga saga = new Saga(new SagaId("s1"));
    saga.start(plan, DATA, "corr-1", T0);
    return saga;
  }

  private static Saga rebuild(Saga saga) {
    Saga rebuilt = new Saga(new SagaId(saga.id()));
    List<SagaEvent> log = saga.raisedEvents();
    for (int i = 0; i < log.size(); i++) {
      rebuilt.replay(log.get(i), i + 1L);
    }
    return rebuilt;
  }
}
