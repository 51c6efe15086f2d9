package dev.annals.eventstore.internal;

import dev.annals.eventstore.api.AppendContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * The metadata rules: every stored event carries a correlation id; the caller's own {@code
 * correlationId}/{@code causationId} win over the request's; the principal always comes from the
 * authenticated context and can never be set by the caller.
 */
final class EventMetadata {

  static final String CORRELATION_ID = "correlationId";
  static final String CAUSATION_ID = "causationId";
  static final String PRINCIPAL = "principal";

  /** Looked up once: every {@code Json.create…} call repeats a service-loader lookup. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private EventMetadata() {}

  /**
   * @param caller the metadata the caller put on the event
   * @param context the request's correlation, causation and principal
   * @param newCorrelationId the id to use when neither caller nor context has one
   * @return the metadata to store
   */
  static JsonObject complete(JsonObject caller, AppendContext context, String newCorrelationId) {
    JsonObjectBuilder merged = JSON.createObjectBuilder(caller);
    merged.remove(PRINCIPAL);
    if (!isText(caller.get(CORRELATION_ID))) {
      merged.add(
          CORRELATION_ID,
          context.correlationId() != null ? context.correlationId() : newCorrelationId);
    }
    if (!isText(caller.get(CAUSATION_ID)) && context.causationId() != null) {
      merged.add(CAUSATION_ID, context.causationId());
    }
    if (context.principal() != null) {
      merged.add(PRINCIPAL, context.principal());
    }
    return merged.build();
  }

  private static boolean isText(JsonValue value) {
    return value instanceof JsonString s && !s.getString().isEmpty();
  }
}
