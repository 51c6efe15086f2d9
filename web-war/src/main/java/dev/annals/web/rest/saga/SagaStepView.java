package dev.annals.web.rest.saga;

import dev.annals.saga.api.StepStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One step of a saga on the wire.
 *
 * @param name its name
 * @param state where it is
 * @param attempts attempts of its action so far
 * @param compensationAttempts attempts of its compensation so far
 * @param startedAt when its first attempt began
 * @param finishedAt when it succeeded, failed for good or was undone
 * @param error the last failure's message (a status and a host for HTTP steps, never an answer)
 */
@Schema(name = "SagaStepView")
public record SagaStepView(
    @Schema(required = true) String name,
    @Schema(
            required = true,
            type = SchemaType.STRING,
            enumeration = {
              "pending",
              "running",
              "waiting_retry",
              "succeeded",
              "failed",
              "compensating",
              "compensated",
              "compensation_failed"
            })
        String state,
    @Schema(required = true, minimum = "0") int attempts,
    @Schema(required = true, minimum = "0") int compensationAttempts,
    @Schema(format = "date-time") String startedAt,
    @Schema(format = "date-time") String finishedAt,
    String error) {

  static SagaStepView from(StepStatus s) {
    return new SagaStepView(
        s.name(),
        s.state().wireName(),
        s.attempts(),
        s.compensationAttempts(),
        s.startedAt().map(Instant::toString).orElse(null),
        s.finishedAt().map(Instant::toString).orElse(null),
        s.error().orElse(null));
  }
}
