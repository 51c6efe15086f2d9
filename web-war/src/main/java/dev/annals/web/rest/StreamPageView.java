package dev.annals.web.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of a stream.
 *
 * @param events the events
 * @param next the {@code from} for the next page, or null at the end
 */
public record StreamPageView(
    @Schema(required = true) List<EventView> events,
    @Schema(required = true, nullable = true, minimum = "1") @JsonbNillable Long next) {}
