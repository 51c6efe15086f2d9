package dev.annals.web.rest;

import dev.annals.eventstore.api.AppendResult;

/**
 * What an append answers.
 *
 * @param streamId the stream
 * @param firstVersion first appended version
 * @param lastVersion last appended version
 * @param position the last event's checkpoint (pass it as {@code after} to read past it)
 */
public record AppendResponse(
    String streamId, long firstVersion, long lastVersion, String position) {

  static AppendResponse from(AppendResult r) {
    return new AppendResponse(
        r.streamId().value(), r.firstVersion(), r.lastVersion(), r.position().toString());
  }
}
