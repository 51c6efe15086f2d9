package dev.annals.web.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An append body as the OpenAPI document describes it. Documentation only: the resource reads the
 * body by hand ({@link AppendRequestParser}) so that every error names the exact field at fault.
 *
 * @param expectedVersion the concurrency check
 * @param events the events, stored in this order
 */
@Schema(name = "AppendRequest")
public record AppendRequest(
    @Schema(ref = "ExpectedVersion") Object expectedVersion,
    @Schema(required = true, minItems = 1, maxItems = 1000) List<NewEventRequest> events) {

  /**
   * One event to append.
   *
   * @param eventId its id; a resend with the same ids is answered with the original result
   * @param type its type
   * @param data its payload
   * @param metadata extra metadata, stored beside correlation id, causation id and principal
   * @param schemaVersion the payload's schema version (default 1)
   */
  @Schema(name = "NewEventRequest")
  public record NewEventRequest(
      @Schema(format = "uuid", description = "Generated when absent; send one to retry safely")
          String eventId,
      @Schema(required = true, pattern = "^[A-Za-z][A-Za-z0-9._-]{0,99}$", maxLength = 100)
          String type,
      @Schema(required = true, ref = "JsonValue") Object data,
      Map<String, Object> metadata,
      @Schema(
              minimum = "1",
              maximum = "2147483647",
              defaultValue = "1",
              description =
                  "The payload's schema version; reads lift older versions with the tenant's"
                      + " upcasters")
          Integer schemaVersion) {}
}
