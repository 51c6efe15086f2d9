package dev.annals.web.rest.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The workflow command bodies as the OpenAPI document describes them. Documentation only: the
 * resource reads bodies by hand ({@link WorkflowRequestParser}) so every error names its field.
 */
final class WorkflowRequests {

  private WorkflowRequests() {}

  /**
   * A new workflow.
   *
   * @param title its title
   * @param question the research question
   * @param methodology how it will be answered
   */
  @Schema(name = "WorkflowCreateRequest")
  record Create(
      @Schema(required = true, minLength = 1, maxLength = 2000) String title,
      @Schema(required = true, minLength = 1, maxLength = 2000) String question,
      @Schema(required = true, minLength = 1, maxLength = 2000) String methodology) {}

  /**
   * A completed step.
   *
   * @param name the step's name
   * @param result what it produced
   */
  @Schema(name = "WorkflowStepRequest")
  record Step(
      @Schema(required = true, minLength = 1, maxLength = 2000) String name,
      @Schema(ref = "JsonValue", description = "What the step produced: any JSON") Object result) {}

  /**
   * A failure.
   *
   * @param reason why the workflow is given up
   */
  @Schema(name = "WorkflowFailRequest")
  record Fail(@Schema(required = true, minLength = 1, maxLength = 2000) String reason) {}
}
