package dev.annals.web.rest.snapshot;

import dev.annals.eventstore.api.snapshot.Snapshot;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stored snapshot on the wire.
 *
 * @param streamId the stream
 * @param version the stream version the state covers
 * @param schemaVersion the state's schema version
 * @param state the state as stored
 * @param takenAt when it was stored
 */
@Schema(name = "SnapshotView")
public record SnapshotView(
    @Schema(required = true) String streamId,
    @Schema(required = true, minimum = "1") long version,
    @Schema(required = true, minimum = "1") int schemaVersion,
    @Schema(required = true, ref = "JsonValue") JsonValue state,
    @Schema(required = true, format = "date-time") String takenAt) {

  private static final JsonProvider JSON = JsonProvider.provider();

  static SnapshotView from(Snapshot s) {
    try (var reader = JSON.createReader(new StringReader(s.state()))) {
      return new SnapshotView(
          s.streamId().value(),
          s.version(),
          s.schemaVersion(),
          reader.readValue(),
          s.takenAt().toString());
    }
  }
}
