package dev.annals.eventstore.api.workflow;

import dev.annals.eventstore.api.EventType;
import dev.annals.eventstore.api.aggregate.AggregateType;
import dev.annals.eventstore.api.workflow.WorkflowEvent.Completed;
import dev.annals.eventstore.api.workflow.WorkflowEvent.Created;
import dev.annals.eventstore.api.workflow.WorkflowEvent.Failed;
import dev.annals.eventstore.api.workflow.WorkflowEvent.Started;
import dev.annals.eventstore.api.workflow.WorkflowEvent.StepCompleted;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The research workflow's stored forms. Events: {@code WorkflowCreated} {@code {"title",
 * "question", "methodology"}}, {@code WorkflowStarted} {@code {}}, {@code WorkflowStepCompleted}
 * {@code {"name", "result"?}}, {@code WorkflowCompleted} {@code {}}, {@code WorkflowFailed} {@code
 * {"reason"}}. Snapshot schema 1: {@code {"status", "title", "question", "methodology", "steps":
 * [{"name", "result"?}], "failureReason"?}}.
 */
public final class WorkflowType implements AggregateType<Workflow, WorkflowEvent> {

  /** The one instance. */
  public static final WorkflowType INSTANCE = new WorkflowType();

  /** The stream category: workflow {@code x} lives in stream {@code workflow-x}. */
  public static final String CATEGORY = "workflow";

  private static final JsonProvider JSON = JsonProvider.provider();

  private static final EventType CREATED = new EventType("WorkflowCreated");
  private static final EventType STARTED = new EventType("WorkflowStarted");
  private static final EventType STEP_COMPLETED = new EventType("WorkflowStepCompleted");
  private static final EventType COMPLETED = new EventType("WorkflowCompleted");
  private static final EventType FAILED = new EventType("WorkflowFailed");

  private WorkflowType() {}

  @Override
  public String category() {
    return CATEGORY;
  }

  @Override
  public Workflow blank(String id) {
    return new Workflow(id);
  }

  @Override
  public Encoded encode(WorkflowEvent event) {
    if (event instanceof Created c) {
      return new Encoded(
          CREATED,
          JSON.createObjectBuilder()
              .add("title", c.title())
              .add("question", c.question())
              .add("methodology", c.methodology())
              .build());
    }
    if (event instanceof StepCompleted s) {
      return new Encoded(STEP_COMPLETED, step(s.name(), s.result()));
    }
    if (event instanceof Failed f) {
      return new Encoded(FAILED, JSON.createObjectBuilder().add("reason", f.reason()).build());
    }
    return new Encoded(event instanceof Started ? STARTED : COMPLETED, JsonValue.EMPTY_JSON_OBJECT);
  }

  @Override
  public WorkflowEvent decode(String type, JsonValue data) {
    JsonObject o = object(data, "event data");
    return switch (type) {
      case "WorkflowCreated" ->
          new Created(string(o, "title"), string(o, "question"), string(o, "methodology"));
      case "WorkflowStarted" -> new Started();
      case "WorkflowStepCompleted" -> new StepCompleted(string(o, "name"), result(o));
      case "WorkflowCompleted" -> new Completed();
      case "WorkflowFailed" -> new Failed(string(o, "reason"));
      default -> throw new IllegalArgumentException("Unknown workflow event type " + type);
    };
  }

  @Override
  public int snapshotSchemaVersion() {
    return 1;
  }

  @Override
  public JsonObject snapshot(Workflow w) {
    JsonArrayBuilder steps = JSON.createArrayBuilder();
    w.steps().forEach(s -> steps.add(step(s.name(), s.result())));
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("status", w.status().orElseThrow().wireName())
            .add("title", w.title())
            .add("question", w.question())
            .add("methodology", w.methodology())
            .add("steps", steps);
    w.failureReason().ifPresent(r -> b.add("failureReason", r));
    return b.build();
  }

  @Override
  public Workflow restore(String id, int schemaVersion, JsonValue state) {
    if (!readsSnapshotSchema(schemaVersion)) {
      throw new IllegalArgumentException("Unknown snapshot schema version " + schemaVersion);
    }
    JsonObject o = object(state, "snapshot state");
    List<WorkflowStep> steps = new ArrayList<>();
    for (JsonValue v : o.getJsonArray("steps")) {
      JsonObject s = object(v, "step");
      steps.add(new WorkflowStep(string(s, "name"), result(s)));
    }
    WorkflowStatus status = WorkflowStatus.parse(string(o, "status"));
    String reason = o.containsKey("failureReason") ? string(o, "failureReason") : null;
    if ((status == WorkflowStatus.FAILED) != (reason != null)) {
      throw new IllegalArgumentException("A failure reason belongs to a failed workflow only");
    }
    Workflow w = new Workflow(id);
    w.restore(
        status, string(o, "title"), string(o, "question"), string(o, "methodology"), steps, reason);
    return w;
  }

  @Override
  public Optional<Workflow> restoreText(String id, int schemaVersion, String state) {
    if (!readsSnapshotSchema(schemaVersion)) {
      throw new IllegalArgumentException("Unknown snapshot schema version " + schemaVersion);
    }
    return Optional.of(WorkflowSnapshotReader.read(id, state));
  }

  private static JsonObject step(String name, JsonValue result) {
    JsonObjectBuilder b = JSON.createObjectBuilder().add("name", name);
    if (result != null) {
      b.add("result", result);
    }
    return b.build();
  }

  private static JsonValue result(JsonObject o) {
    JsonValue r = o.get("result");
    return r == null || r == JsonValue.NULL ? null : r;
  }

  private static JsonObject object(JsonValue v, String what) {
    if (!(v instanceof JsonObject o)) {
      throw new IllegalArgumentException("The " + what + " is no JSON object");
    }
    return o;
  }

  private static String string(JsonObject o, String field) {
    String s = o.getString(field, null);
    if (s == null) {
      throw new IllegalArgumentException("'" + field + "' is missing or no string");
    }
    return s;
  }
}
