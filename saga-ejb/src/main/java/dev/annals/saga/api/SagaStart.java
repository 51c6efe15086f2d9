package dev.annals.saga.api;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * What starts a saga.
 *
 * @param type the saga type's name
 * @param data its data (a JSON object)
 * @param id the id the caller chose (starting it again finds the same saga), or empty for a new one
 * @param correlationId the correlation id every step carries, or empty for a new one
 */
public record SagaStart(
    String type, JsonObject data, Optional<SagaId> id, Optional<String> correlationId) {

  /** Checks the parts are there. */
  public SagaStart {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(correlationId, "correlationId");
  }
}
