package dev.annals.web.rest.upcast;

import dev.annals.eventstore.api.upcast.UpcasterDefinition;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A declarative upcaster on the wire.
 *
 * @param eventType the event type it lifts
 * @param fromVersion the schema version it lifts from
 * @param toVersion the schema version it lifts to (fromVersion + 1)
 * @param operations its operations, in order
 * @param updatedAt when it was last stored
 */
@Schema(name = "UpcasterView")
public record UpcasterView(
    @Schema(required = true) String eventType,
    @Schema(required = true, minimum = "1") int fromVersion,
    @Schema(required = true, minimum = "2") int toVersion,
    @Schema(required = true, description = "the operations, as in UpcasterRequest")
        List<Map<String, Object>> operations,
    @Schema(required = true, format = "date-time") String updatedAt) {

  static UpcasterView from(UpcasterDefinition d) {
    return new UpcasterView(
        d.eventType(),
        d.fromVersion(),
        d.fromVersion() + 1,
        operations(d.operations()),
        d.updatedAt().toString());
  }

  /** The stored operations (JSON objects: JSON-B writes them as they are). */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> operations(JsonArray array) {
    List<Map<String, Object>> out = new ArrayList<>(array.size());
    for (JsonValue v : array) {
      out.add((Map<String, Object>) (Map<String, ?>) v.asJsonObject());
    }
    return out;
  }
}
