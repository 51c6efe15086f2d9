package dev.annals.web.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/**
 * A page of a stream.
 *
 * @param events the events
 * @param next the {@code from} for the next page, or null at the end
 */
public record StreamPageView(List<EventView> events, @JsonbNillable Long next) {}
