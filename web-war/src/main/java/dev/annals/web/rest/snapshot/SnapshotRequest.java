package dev.annals.web.rest.snapshot;

import static dev.annals.web.rest.TenantRequestParser.unknownFields;

import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A snapshot to store, as the OpenAPI document describes it; {@link #parse} reads it strictly, so
 * every error names its field.
 *
 * @param version the stream version the state covers
 * @param schemaVersion the state's schema version, the client's own
 * @param state the state
 */
@Schema(name = "SnapshotRequest")
public record SnapshotRequest(
    @Schema(required = true, minimum = "1", format = "int64") long version,
    @Schema(required = true, minimum = "1", maximum = "2147483647", format = "int32")
        int schemaVersion,
    @Schema(required = true, ref = "JsonValue") JsonValue state) {

  private static final Set<String> FIELDS = Set.of("version", "schemaVersion", "state");

  static SnapshotRequest parse(JsonObject json) {
    unknownFields(json, FIELDS, "");
    long version = positive(json, "version", Long.MAX_VALUE);
    int schemaVersion = (int) positive(json, "schemaVersion", Integer.MAX_VALUE);
    JsonValue state = json.get("state");
    if (state == null) {
      throw new InvalidRequestException("'state' is required: the snapshot's state, any JSON");
    }
    return new SnapshotRequest(version, schemaVersion, state);
  }

  private static long positive(JsonObject json, String field, long max) {
    JsonValue v = json.get(field);
    if (!(v instanceof JsonNumber n)) {
      throw new InvalidRequestException("'" + field + "' is required and must be a number");
    }
    if (!n.isIntegral()
        || n.bigDecimalValue().signum() <= 0
        || n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
      throw new InvalidRequestException(
          "'" + field + "' must be a whole number from 1 to " + max + ", was " + n);
    }
    return n.longValueExact();
  }
}
