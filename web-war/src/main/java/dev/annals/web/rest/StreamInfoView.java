package dev.annals.web.rest;

import dev.annals.eventstore.api.StreamInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stream's head on the wire.
 *
 * @param streamId the stream
 * @param version its current version
 * @param createdAt when its first event was stored
 * @param lastEventAt when its last event was stored
 */
public record StreamInfoView(
    @Schema(required = true) String streamId,
    @Schema(required = true) long version,
    @Schema(required = true, format = "date-time") String createdAt,
    @Schema(required = true, format = "date-time") String lastEventAt) {

  static StreamInfoView from(StreamInfo s) {
    return new StreamInfoView(
        s.streamId().value(), s.version(), s.createdAt().toString(), s.lastEventAt().toString());
  }
}
