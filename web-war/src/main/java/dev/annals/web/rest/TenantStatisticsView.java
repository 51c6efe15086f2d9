package dev.annals.web.rest;

import dev.annals.eventstore.api.projection.StreamStatistics;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant's stream and event statistics from the statistics projection, on the wire: exact as of
 * {@code checkpoint}, which trails the head of $all by the projection's lag (see {@code GET
 * /api/tenants/{t}/projections/statistics}).
 *
 * @param streams streams with at least one event
 * @param events events
 * @param eventsByType events per event type
 * @param lastEventAt when the last event counted was recorded
 * @param checkpoint the last event counted ("0-0" before the first)
 * @param generation the projection generation the numbers come from
 */
@Schema(
    name = "TenantStatistics",
    description =
        "From the statistics projection: exact as of checkpoint, which trails the head of $all by"
            + " the projection's lag")
@JsonbNillable(false)
@JsonbPropertyOrder({
  "streams",
  "events",
  "eventsByType",
  "lastEventAt",
  "checkpoint",
  "generation"
})
public record TenantStatisticsView(
    @Schema(required = true, minimum = "0") long streams,
    @Schema(required = true, minimum = "0") long events,
    @Schema(required = true) Map<String, Long> eventsByType,
    @Schema(format = "date-time") String lastEventAt,
    @Schema(required = true) String checkpoint,
    @Schema(required = true, minimum = "1") int generation) {

  static TenantStatisticsView from(StreamStatistics s) {
    return new TenantStatisticsView(
        s.streams(),
        s.events(),
        s.eventsByType(),
        s.lastEventAt().map(Object::toString).orElse(null),
        s.checkpoint().toString(),
        s.generation());
  }
}
