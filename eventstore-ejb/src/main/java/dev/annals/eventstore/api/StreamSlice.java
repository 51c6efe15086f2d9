package dev.annals.eventstore.api;

import java.util.List;
import java.util.OptionalLong;

/**
 * A page of one stream.
 *
 * @param events the events in the direction read
 * @param next the version to read from for the next page, empty at the end
 */
public record StreamSlice(List<RecordedEvent> events, OptionalLong next) {}
