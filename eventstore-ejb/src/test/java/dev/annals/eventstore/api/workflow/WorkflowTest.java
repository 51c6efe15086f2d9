package dev.annals.eventstore.api.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.aggregate.BusinessRuleViolationException;
import dev.annals.eventstore.api.workflow.WorkflowEvent.Completed;
import dev.annals.eventstore.api.workflow.WorkflowEvent.Created;
import dev.annals.eventstore.api.workflow.WorkflowEvent.Failed;
import dev.annals.eventstore.api.workflow.WorkflowEvent.Started;
import dev.annals.eventstore.api.workflow.WorkflowEvent.StepCompleted;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WorkflowTest {

  private static final Consumer<Workflow> CREATE = w -> w.create("Title", "Why?", "Look");
  private static final Consumer<Workflow> START = Workflow::start;
  private static final Consumer<Workflow> STEP = w -> w.completeStep("read", null);
  private static final Consumer<Workflow> COMPLETE = Workflow::complete;
  private static final Consumer<Workflow> FAIL = w -> w.fail("no data");

  /** A saved workflow that went through {@code history}. */
  @SafeVarargs
  private static Workflow after(Consumer<Workflow>... history) {
    Workflow w = new Workflow("w1");
    for (Consumer<Workflow> c : history) {
      c.accept(w);
    }
    w.saved(w.version());
    return w;
  }

  private static void refused(String rule, Workflow w, Consumer<Workflow> command) {
    long version = w.version();
    BusinessRuleViolationException e =
        assertThrows(BusinessRuleViolationException.class, () -> command.accept(w));
    assertEquals(rule, e.rule());
    assertEquals(version, w.version(), "a refused command raises nothing");
    assertTrue(w.raisedEvents().isEmpty());
  }

  @Test
  void createRaisesCreatedAtVersionOne() {
    Workflow w = new Workflow("w1");
    w.create("Title", "Why?", "Look");
    assertEquals(List.of(new Created("Title", "Why?", "Look")), w.raisedEvents());
    assertEquals(1, w.version());
    assertEquals(0, w.loadedVersion());
    assertEquals(WorkflowStatus.CREATED, w.status().orElseThrow());
    assertEquals("Why?", w.question());
  }

  @Test
  void theWholeHappyPathRaisesOneEventPerCommand() {
    Workflow w = after(CREATE);
    w.start();
    w.completeStep("collect", Json.createValue(3));
    w.completeStep("analyse", null);
    w.complete();
    assertEquals(
        List.of(
            new Started(),
            new StepCompleted("collect", Json.createValue(3)),
            new StepCompleted("analyse", null),
            new Completed()),
        w.raisedEvents());
    assertEquals(WorkflowStatus.COMPLETED, w.status().orElseThrow());
    assertEquals(5, w.version());
    assertEquals(2, w.steps().size());
  }

  @Test
  void aStartedWorkflowMayFail() {
    Workflow w = after(CREATE, START, STEP);
    w.fail("sample lost");
    assertEquals(List.of(new Failed("sample lost")), w.raisedEvents());
    assertEquals(WorkflowStatus.FAILED, w.status().orElseThrow());
    assertEquals("sample lost", w.failureReason().orElseThrow());
  }

  @Test
  void aStartedWorkflowMayCompleteWithoutSteps() {
    Workflow w = after(CREATE, START);
    w.complete();
    assertEquals(WorkflowStatus.COMPLETED, w.status().orElseThrow());
  }

  @Test
  void nothingButCreationBeforeCreation() {
    refused("create-first", after(), START);
    refused("create-first", after(), STEP);
    refused("create-first", after(), COMPLETE);
    refused("create-first", after(), FAIL);
  }

  @Test
  void aWorkflowIsCreatedOnce() {
    refused("create-once", after(CREATE), CREATE);
    refused("create-once", after(CREATE, START, COMPLETE), CREATE);
  }

  @Test
  void aWorkflowStartsOnce() {
    refused("start-once", after(CREATE, START), START);
    refused("start-once", after(CREATE, START, STEP), START);
    refused("start-once", after(CREATE, START, COMPLETE), START);
    refused("start-once", after(CREATE, START, FAIL), START);
  }

  @Test
  void stepsCompletionAndFailureNeedAStart() {
    refused("started-first", after(CREATE), STEP);
    refused("started-first", after(CREATE), COMPLETE);
    refused("started-first", after(CREATE), FAIL);
  }

  @Test
  void completedAndFailedAreFinal() {
    for (Consumer<Workflow> end : List.of(COMPLETE, FAIL)) {
      refused("final-state", after(CREATE, START, end), STEP);
      refused("final-state", after(CREATE, START, end), COMPLETE);
      refused("final-state", after(CREATE, START, end), FAIL);
    }
  }

  @Test
  void missingOrBlankTextIsRefusedByFieldName() {
    Workflow w = new Workflow("w1");
    assertEquals(
        "'title' is required and must not be blank",
        assertThrows(InvalidRequestException.class, () -> w.create(" ", "q", "m")).getMessage());
    assertTrue(
        assertThrows(InvalidRequestException.class, () -> w.create("t", null, "m"))
            .getMessage()
            .contains("'question'"));
    assertTrue(
        assertThrows(InvalidRequestException.class, () -> w.create("t", "q", "x".repeat(2001)))
            .getMessage()
            .contains("'methodology'"));
    Workflow started = after(CREATE, START);
    assertTrue(
        assertThrows(InvalidRequestException.class, () -> started.completeStep("", null))
            .getMessage()
            .contains("'name'"));
    assertTrue(
        assertThrows(InvalidRequestException.class, () -> started.fail(null))
            .getMessage()
            .contains("'reason'"));
    assertTrue(started.raisedEvents().isEmpty());
  }

  @Test
  void replayRebuildsTheSameStateAsTheCommands() {
    Workflow live = new Workflow("w1");
    live.create("T", "Q", "M");
    live.start();
    live.completeStep("a", Json.createObjectBuilder().add("n", 1).build());
    live.fail("broken");
    Workflow rebuilt = new Workflow("w1");
    long v = 0;
    for (WorkflowEvent e : live.raisedEvents()) {
      rebuilt.replay(e, ++v);
    }
    assertEquals(WorkflowType.INSTANCE.snapshot(live), WorkflowType.INSTANCE.snapshot(rebuilt));
    assertEquals(4, rebuilt.version());
    assertThrows(IllegalStateException.class, () -> rebuilt.replay(new Completed(), 6));
  }

  @Test
  void eventsAndSnapshotsRoundTripThroughJson() {
    WorkflowType type = WorkflowType.INSTANCE;
    Workflow w = after(CREATE, START);
    w.completeStep("s", Json.createArrayBuilder().add("x").build());
    w.completeStep("t", JsonValue.NULL);
    w.fail("why");
    for (WorkflowEvent e : w.raisedEvents()) {
      var encoded = type.encode(e);
      assertEquals(e, type.decode(encoded.type().value(), encoded.data()));
    }
    Workflow restored = type.restore("w1", 1, type.snapshot(w));
    assertEquals(type.snapshot(w), type.snapshot(restored));
    assertEquals(WorkflowStatus.FAILED, restored.status().orElseThrow());
    Workflow streamed = type.restoreText("w1", 1, type.snapshot(w).toString()).orElseThrow();
    assertEquals(type.snapshot(w), type.snapshot(streamed), "the streaming reader reads the same");
    assertEquals(
        type.snapshot(after(CREATE, START)),
        type.snapshot(
            type.restoreText(
                    "w2",
                    1,
                    "{\"extra\":{\"a\":[1]},\"status\":\"started\",\"title\":\"Title\","
                        + "\"question\":\"Why?\",\"methodology\":\"Look\",\"steps\":[]}")
                .orElseThrow()),
        "unknown members are skipped");
  }

  @Test
  void theStreamingSnapshotReaderRefusesWhatTheTreeReaderRefuses() {
    WorkflowType type = WorkflowType.INSTANCE;
    for (String bad :
        new String[] {
          "1",
          "\"x\"",
          "{\"status\":\"odd\",\"title\":\"T\",\"question\":\"Q\",\"methodology\":\"M\",\"steps\":[]}",
          "{\"status\":\"started\",\"title\":\"T\",\"question\":\"Q\",\"methodology\":\"M\"}",
          "{\"status\":\"started\",\"title\":1,\"question\":\"Q\",\"methodology\":\"M\",\"steps\":[]}",
          "{\"status\":\"started\",\"title\":\"T\",\"question\":\"Q\",\"methodology\":\"M\","
              + "\"steps\":[{\"result\":1}]}",
          "{\"status\":\"started\",\"title\":\"T\",\"question\":\"Q\",\"methodology\":\"M\","
              + "\"steps\":[],\"failureReason\":\"r\"}",
          "{\"status\":\"started\""
        }) {
      assertThrows(RuntimeException.class, () -> type.restoreText("w", 1, bad), bad);
      assertThrows(
          RuntimeException.class,
          () -> type.restore("w", 1, Json.createReader(new java.io.StringReader(bad)).readValue()),
          bad);
    }
    assertThrows(IllegalArgumentException.class, () -> type.restoreText("w", 2, "{}"));
  }

  @Test
  void undecodableSnapshotsAndEventsAreRefused() {
    WorkflowType type = WorkflowType.INSTANCE;
    assertThrows(IllegalArgumentException.class, () -> type.restore("w", 2, Json.createValue(1)));
    assertThrows(RuntimeException.class, () -> type.restore("w", 1, Json.createValue("x")));
    assertThrows(
        RuntimeException.class,
        () -> type.restore("w", 1, Json.createObjectBuilder().add("status", "odd").build()));
    assertThrows(
        IllegalArgumentException.class,
        () -> type.decode("WorkflowRenamed", JsonValue.EMPTY_JSON_OBJECT));
    assertThrows(
        IllegalArgumentException.class,
        () -> type.decode("WorkflowFailed", JsonValue.EMPTY_JSON_OBJECT));
  }
}
