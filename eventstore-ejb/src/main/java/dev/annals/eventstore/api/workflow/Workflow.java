package dev.annals.eventstore.api.workflow;

import dev.annals.eventstore.api.aggregate.Aggregate;
import dev.annals.eventstore.api.workflow.WorkflowEvent.Completed;
import dev.annals.eventstore.api.workflow.WorkflowEvent.Created;
import dev.annals.eventstore.api.workflow.WorkflowEvent.Failed;
import dev.annals.eventstore.api.workflow.WorkflowEvent.Started;
import dev.annals.eventstore.api.workflow.WorkflowEvent.StepCompleted;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The research workflow, the reference aggregate: created (title, question, methodology), started,
 * any number of steps completed, then completed or failed, both final. Every other transition is
 * refused with the rule it breaks: {@code create-once}, {@code start-once}, {@code started-first}
 * (a step, completion or failure before the start) and {@code final-state} (anything after the
 * end).
 */
public final class Workflow extends Aggregate<WorkflowEvent> {

  /** Longest title, question, methodology, step name or failure reason, in characters. */
  public static final int MAX_TEXT = 2000;

  private WorkflowStatus status;
  private String title;
  private String question;
  private String methodology;
  private final List<WorkflowStep> steps = new ArrayList<>();
  private String failureReason;

  /**
   * @param id the workflow's id; its stream is {@code workflow-<id>}
   */
  public Workflow(String id) {
    super(id);
  }

  /**
   * Sets a new workflow up.
   *
   * @throws InvalidRequestException naming a missing, blank or too long field
   */
  public void create(String title, String question, String methodology) {
    Created created =
        new Created(
            text("title", title), text("question", question), text("methodology", methodology));
    require(status == null, "create-once", "Workflow '" + id() + "' exists already");
    raise(created);
  }

  /** Starts the work: once, from {@code created}. */
  public void start() {
    requireCreated();
    require(
        status == WorkflowStatus.CREATED,
        "start-once",
        "Workflow '" + id() + "' is " + status.wireName() + ": a workflow starts once");
    raise(new Started());
  }

  /**
   * Records a completed step.
   *
   * @param name the step's name
   * @param result what it produced (any JSON), or null
   * @throws InvalidRequestException naming a missing, blank or too long name
   */
  public void completeStep(String name, JsonValue result) {
    String stepName = text("name", name);
    requireRunning("complete a step");
    raise(new StepCompleted(stepName, result == JsonValue.NULL ? null : result));
  }

  /** Completes a started workflow. */
  public void complete() {
    requireRunning("complete");
    raise(new Completed());
  }

  /**
   * Gives a started workflow up.
   *
   * @param reason why
   * @throws InvalidRequestException naming a missing, blank or too long reason
   */
  public void fail(String reason) {
    String why = text("reason", reason);
    requireRunning("fail");
    raise(new Failed(why));
  }

  private void requireCreated() {
    require(status != null, "create-first", "Workflow '" + id() + "' was never created");
  }

  private void requireRunning(String what) {
    requireCreated();
    require(
        !status.isFinal(),
        "final-state",
        "Workflow '"
            + id()
            + "' is "
            + status.wireName()
            + ", which is final: it cannot "
            + what
            + " any more");
    require(
        status == WorkflowStatus.STARTED,
        "started-first",
        "Workflow '" + id() + "' has not started: start it before you " + what);
  }

  private static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException("'" + field + "' is required and must not be blank");
    }
    if (value.length() > MAX_TEXT) {
      throw new InvalidRequestException(
          "'" + field + "' may have at most " + MAX_TEXT + " characters");
    }
    return value;
  }

  @Override
  protected void apply(WorkflowEvent event) {
    if (event instanceof Created c) {
      status = WorkflowStatus.CREATED;
      title = c.title();
      question = c.question();
      methodology = c.methodology();
    } else if (event instanceof Started) {
      status = WorkflowStatus.STARTED;
    } else if (event instanceof StepCompleted s) {
      steps.add(new WorkflowStep(s.name(), s.result()));
    } else if (event instanceof Completed) {
      status = WorkflowStatus.COMPLETED;
    } else if (event instanceof Failed f) {
      status = WorkflowStatus.FAILED;
      failureReason = f.reason();
    }
  }

  /** Sets the whole state at once: restoring a snapshot. */
  void restore(
      WorkflowStatus status,
      String title,
      String question,
      String methodology,
      List<WorkflowStep> steps,
      String failureReason) {
    this.status = status;
    this.title = title;
    this.question = question;
    this.methodology = methodology;
    this.steps.clear();
    this.steps.addAll(steps);
    this.failureReason = failureReason;
  }

  /** Where it stands; empty before its creation. */
  public Optional<WorkflowStatus> status() {
    return Optional.ofNullable(status);
  }

  /** Its title. */
  public String title() {
    return title;
  }

  /** Its research question. */
  public String question() {
    return question;
  }

  /** Its methodology. */
  public String methodology() {
    return methodology;
  }

  /** Its completed steps, in order. */
  public List<WorkflowStep> steps() {
    return List.copyOf(steps);
  }

  /** Why it failed, when it did. */
  public Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }
}
