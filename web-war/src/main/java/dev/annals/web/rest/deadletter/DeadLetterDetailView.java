package dev.annals.web.rest.deadletter;

import dev.annals.dlq.api.DeadLetter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One dead letter in full: the list's fields, the failure's stack summary and the event as it was
 * when the letter was sent (a redrive reads it again, with the current upcasters).
 *
 * @param letter the letter
 * @param stackSummary the last failure's exception chain, shortened (no SQL text)
 * @param event the event as reads return it
 * @param updatedAt when its state last changed
 */
@Schema(name = "DeadLetterDetail")
public record DeadLetterDetailView(
    @Schema(required = true) DeadLetterView letter,
    String stackSummary,
    @Schema(ref = "JsonValue") JsonObject event,
    @Schema(required = true, format = "date-time") String updatedAt) {

  static DeadLetterDetailView from(DeadLetter l) {
    JsonObject event = null;
    if (l.event().isPresent()) {
      try (var reader = Json.createReader(new StringReader(l.event().get()))) {
        event = reader.readObject();
      }
    }
    return new DeadLetterDetailView(
        DeadLetterView.from(l), l.stackSummary().orElse(null), event, l.updatedAt().toString());
  }
}
