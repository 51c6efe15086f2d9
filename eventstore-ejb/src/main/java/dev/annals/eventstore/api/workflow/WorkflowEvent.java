package dev.annals.eventstore.api.workflow;

import jakarta.json.JsonValue;

/** What happens to a research workflow. */
public sealed interface WorkflowEvent {

  /**
   * The workflow was set up.
   *
   * @param title its title
   * @param question the research question
   * @param methodology how it will be answered
   */
  record Created(String title, String question, String methodology) implements WorkflowEvent {}

  /** Work began. */
  record Started() implements WorkflowEvent {}

  /**
   * A step was done.
   *
   * @param name the step's name
   * @param result what it produced (any JSON), or null
   */
  record StepCompleted(String name, JsonValue result) implements WorkflowEvent {}

  /** The workflow reached its end. */
  record Completed() implements WorkflowEvent {}

  /**
   * The workflow was given up.
   *
   * @param reason why
   */
  record Failed(String reason) implements WorkflowEvent {}
}
