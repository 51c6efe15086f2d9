package dev.annals.saga.infrastructure.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.aggregate.AggregateType.Encoded;
import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaEvent;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.internal.assignment.AgentRoster;
import dev.annals.saga.internal.assignment.AssignTaskSaga;
import dev.annals.saga.internal.assignment.Assignment;
import dev.annals.saga.internal.assignment.EvidenceLog;
import dev.annals.saga.internal.assignment.TaskRuns;
import dev.annals.saga.testing.SagaTestFixture;
import dev.annals.saga.testing.SagaTestRun;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SagaLogTypeTest {

  private final SagaLogType type = SagaLogType.INSTANCE;

  /** Logs that between them hold every kind of saga event. */
  private List<List<SagaEvent>> logs() {
    EvidenceLog failing = new EvidenceLog();
    failing.failNext(Integer.MAX_VALUE);
    AgentRoster busy = new AgentRoster();
    busy.reserve("agent-1", "other");
    SagaTestRun<Assignment> failed =
        SagaTestFixture.of(new AssignTaskSaga(busy, new TaskRuns(), new EvidenceLog()))
            .whenStarted(Assignment.of("t", "agent-1"));
    busy.release("agent-1", "other");
    return List.of(
        SagaTestFixture.of(new AssignTaskSaga(new AgentRoster(), new TaskRuns(), failing))
            .whenStarted(Assignment.of("t", "a"))
            .log(),
        SagaTestFixture.of(new AssignTaskSaga(new AgentRoster(), new TaskRuns(), new EvidenceLog()))
            .stepTakes("start-run", Duration.ofMinutes(2))
            .whenStarted(Assignment.of("t", "a"))
            .log(),
        SagaTestFixture.of(new AssignTaskSaga(new AgentRoster(), new TaskRuns(), new EvidenceLog()))
            .whenStartedAndCancelledBefore("record-evidence", Assignment.of("t", "a"))
            .log(),
        failed.whenRetried().log(),
        SagaTestFixture.of(new AssignTaskSaga(new AgentRoster(), new TaskRuns(), new EvidenceLog()))
            .whenStarted(Assignment.of("t", "a"))
            .log());
  }

  @Test
  void everyKindOfEventReadsBackEqualAndTheLogRebuildsTheSameSaga() {
    Set<String> kinds = new HashSet<>();
    for (List<SagaEvent> log : logs()) {
      Saga original = new Saga(new SagaId("s"));
      Saga decoded = new Saga(new SagaId("s"));
      for (int i = 0; i < log.size(); i++) {
        Encoded encoded = type.encode(log.get(i));
        SagaEvent back = type.decode(encoded.type().value(), encoded.data());
        assertEquals(log.get(i), back);
        kinds.add(encoded.type().value());
        original.replay(log.get(i), i + 1L);
        decoded.replay(back, i + 1L);
      }
      assertEquals(original.steps(), decoded.steps());
      assertEquals(original.state(), decoded.state());
    }
    assertEquals(
        Set.of(
            "SagaStarted",
            "SagaStepStarted",
            "SagaStepSucceeded",
            "SagaStepFailed",
            "SagaTimedOut",
            "SagaCompensationBegan",
            "SagaCompensationStarted",
            "SagaCompensationSucceeded",
            "SagaRetried",
            "SagaCompleted",
            "SagaCompensated",
            "SagaFailed",
            "SagaCancelled"),
        kinds);
  }

  @Test
  void aFailedCompensationReadsBackEqual() {
    SagaEvent failed =
        new SagaEvent.CompensationFailed(
            "start-run", 2, "HTTP 500 from x.test", java.util.Optional.empty(), Instant.EPOCH);
    Encoded encoded = type.encode(failed);
    assertEquals("SagaCompensationFailed", encoded.type().value());
    assertEquals(failed, type.decode(encoded.type().value(), encoded.data()));
  }

  @Test
  void unknownTypesAndMalformedDataAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> type.decode("SagaExploded", Json.createObjectBuilder().add("at", "x").build()));
    assertThrows(
        IllegalArgumentException.class,
        () -> type.decode("SagaCompleted", Json.createObjectBuilder().build()));
    assertThrows(
        IllegalArgumentException.class,
        () -> type.decode("SagaCompleted", Json.createObjectBuilder().add("at", 5).build()));
    assertTrue(!type.readsSnapshotSchema(1));
  }
}
