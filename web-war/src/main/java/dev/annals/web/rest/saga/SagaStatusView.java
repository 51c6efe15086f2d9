package dev.annals.web.rest.saga;

import dev.annals.saga.api.SagaView;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A saga on the wire, as its log makes it.
 *
 * @param id its id
 * @param type its type
 * @param state where it is
 * @param data its data as the last succeeded step left it
 * @param correlationId the correlation id its steps carry
 * @param startedAt when it started
 * @param finishedAt when it reached its final or failed state
 * @param failure why it compensates, compensated, failed or was cancelled
 * @param steps its steps in order
 */
@Schema(name = "SagaView")
public record SagaStatusView(
    @Schema(required = true) String id,
    @Schema(required = true) String type,
    @Schema(required = true, ref = "SagaState") String state,
    @Schema(
            required = true,
            type = SchemaType.OBJECT,
            additionalProperties = Schema.True.class,
            description = "The saga's data as its last succeeded step left it")
        JsonObject data,
    @Schema(required = true) String correlationId,
    @Schema(required = true, format = "date-time") String startedAt,
    @Schema(format = "date-time") String finishedAt,
    String failure,
    @Schema(required = true) List<SagaStepView> steps) {

  static SagaStatusView from(SagaView s) {
    return new SagaStatusView(
        s.id(),
        s.type(),
        s.state().wireName(),
        s.data(),
        s.correlationId(),
        s.startedAt().toString(),
        s.finishedAt().map(Instant::toString).orElse(null),
        s.failure().orElse(null),
        s.steps().stream().map(SagaStepView::from).toList());
  }
}
