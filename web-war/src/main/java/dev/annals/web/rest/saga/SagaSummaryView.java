package dev.annals.web.rest.saga;

import dev.annals.saga.api.SagaSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A saga in a list.
 *
 * @param id its id
 * @param type its type
 * @param state where it is
 * @param correlationId its correlation id
 * @param startedAt when it started
 * @param updatedAt when its log last grew
 */
@Schema(name = "SagaSummaryView")
public record SagaSummaryView(
    @Schema(required = true) String id,
    @Schema(required = true) String type,
    @Schema(required = true, ref = "SagaState") String state,
    @Schema(required = true) String correlationId,
    @Schema(required = true, format = "date-time") String startedAt,
    @Schema(required = true, format = "date-time") String updatedAt) {

  static SagaSummaryView from(SagaSummary s) {
    return new SagaSummaryView(
        s.id(),
        s.type(),
        s.state().wireName(),
        s.correlationId(),
        s.startedAt().toString(),
        s.updatedAt().toString());
  }
}
