package dev.annals.web.rest.workflow;

import dev.annals.eventstore.api.workflow.Workflow;
import dev.annals.eventstore.api.workflow.WorkflowStep;
import jakarta.json.JsonValue;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A research workflow on the wire.
 *
 * @param id its id
 * @param state where it stands
 * @param version its stream's version this state reflects
 * @param title its title
 * @param question the research question
 * @param methodology how it will be answered
 * @param steps the completed steps, in order
 * @param failureReason why it failed, when it did
 */
@Schema(name = "WorkflowView")
public record WorkflowView(
    @Schema(required = true, format = "uuid") String id,
    @Schema(
            required = true,
            type = SchemaType.STRING,
            enumeration = {"created", "started", "completed", "failed"})
        String state,
    @Schema(required = true, minimum = "1") long version,
    @Schema(required = true) String title,
    @Schema(required = true) String question,
    @Schema(required = true) String methodology,
    @Schema(required = true) List<StepView> steps,
    @Schema(description = "Only when failed") String failureReason) {

  /**
   * A completed step.
   *
   * @param name its name
   * @param result what it produced, absent when nothing
   */
  @Schema(name = "WorkflowStepView")
  public record StepView(
      @Schema(required = true) String name,
      @Schema(ref = "JsonValue", description = "What the step produced, when it said")
          JsonValue result) {}

  static WorkflowView from(Workflow w) {
    return new WorkflowView(
        w.id(),
        w.status().orElseThrow().wireName(),
        w.version(),
        w.title(),
        w.question(),
        w.methodology(),
        w.steps().stream().map(WorkflowView::step).toList(),
        w.failureReason().orElse(null));
  }

  private static StepView step(WorkflowStep s) {
    return new StepView(s.name(), s.result());
  }
}
