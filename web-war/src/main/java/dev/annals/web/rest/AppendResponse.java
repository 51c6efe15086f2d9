package dev.annals.web.rest;

import dev.annals.eventstore.api.AppendResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an append answers.
 *
 * @param streamId the stream
 * @param firstVersion first appended version
 * @param lastVersion last appended version
 * @param position the last event's checkpoint (pass it as {@code after} to read past it)
 */
public record AppendResponse(
    @Schema(required = true) String streamId,
    @Schema(required = true) long firstVersion,
    @Schema(required = true) long lastVersion,
    @Schema(required = true) String position) {

  static AppendResponse from(AppendResult r) {
    return new AppendResponse(
        r.streamId().value(), r.firstVersion(), r.lastVersion(), r.position().toString());
  }
}
