package dev.annals.saga.internal.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.saga.api.SagaState;
import dev.annals.saga.internal.assignment.TaskRuns.RunState;
import dev.annals.saga.testing.SagaTestFixture;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssignTaskSagaTest {

  private final AgentRoster roster = new AgentRoster();
  private final TaskRuns runs = new TaskRuns();
  private final EvidenceLog evidence = new EvidenceLog();
  private final AssignTaskSaga saga = new AssignTaskSaga(roster, runs, evidence);

  @Test
  void anAssignmentReservesTheAgentStartsTheRunAndRecordsEvidence() {
    SagaTestFixture.of(saga)
        .whenStarted(Assignment.of("task-1", "agent-7"))
        .expectState(SagaState.COMPLETED)
        .expectExecuted("reserve-agent", "start-run", "record-evidence")
        .expectData(a -> a.runId() != null && ("evidence-" + a.runId()).equals(a.evidenceId()));
    assertEquals(Optional.of("task-1"), roster.taskOf("agent-7"));
    assertEquals(1, evidence.records());
  }

  @Test
  void evidenceFailingForGoodCancelsTheRunThenReleasesTheAgent() {
    evidence.failNext(Integer.MAX_VALUE);
    var run =
        SagaTestFixture.of(saga)
            .whenStarted(Assignment.of("task-2", "agent-8"))
            .expectState(SagaState.COMPENSATED)
            .expectExecuted(
                "reserve-agent",
                "start-run",
                "record-evidence",
                "record-evidence",
                "record-evidence",
                "start-run:compensate",
                "reserve-agent:compensate");
    assertEquals(Optional.of(RunState.CANCELLED), runs.state(run.data().runId()));
    assertEquals(Optional.empty(), roster.taskOf("agent-8"));
    assertEquals(0, evidence.records());
  }

  @Test
  void evidenceFailingTwiceIsRetriedWithinItsBudget() {
    evidence.failNext(2);
    SagaTestFixture.of(saga)
        .whenStarted(Assignment.of("task-3", "agent-9"))
        .expectState(SagaState.COMPLETED)
        .expectAttempts("record-evidence", 3);
    assertEquals(1, runs.started());
  }

  @Test
  void aBusyAgentIsRefusedAtOnceWithNothingToUndo() {
    roster.reserve("agent-1", "other-task");
    SagaTestFixture.of(saga)
        .whenStarted(Assignment.of("task-4", "agent-1"))
        .expectState(SagaState.FAILED)
        .expectExecuted("reserve-agent")
        .expectAttempts("reserve-agent", 1);
    assertEquals(Optional.of("other-task"), roster.taskOf("agent-1"));
    assertEquals(0, runs.started());
  }

  @Test
  void aRunStartThatTimesOutIsCancelledByItsKeyThoughItsIdWasNeverLearnt() {
    var run =
        SagaTestFixture.of(saga)
            .stepTakes("start-run", Duration.ofMinutes(2))
            .whenStarted(Assignment.of("task-5", "agent-2"))
            .expectState(SagaState.COMPENSATED)
            .expectExecuted(
                "reserve-agent", "start-run", "start-run:compensate", "reserve-agent:compensate");
    assertEquals(null, run.data().runId());
    assertEquals(1, runs.started());
    assertEquals(Optional.of(RunState.CANCELLED), runs.state("run-task-5-1"));
    assertTrue(roster.taskOf("agent-2").isEmpty());
  }

  @Test
  void cancellingAfterTheRunStartedUndoesBoth() {
    SagaTestFixture.of(saga)
        .whenStartedAndCancelledBefore("record-evidence", Assignment.of("task-6", "agent-3"))
        .expectState(SagaState.CANCELLED)
        .expectExecuted(
            "reserve-agent", "start-run", "start-run:compensate", "reserve-agent:compensate");
    assertEquals(Optional.of(RunState.CANCELLED), runs.state("run-task-6-1"));
    assertTrue(roster.taskOf("agent-3").isEmpty());
  }
}
