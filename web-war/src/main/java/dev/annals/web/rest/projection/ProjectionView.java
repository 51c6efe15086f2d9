package dev.annals.web.rest.projection;

import dev.annals.eventstore.api.projection.ProjectionInfo;
import dev.annals.eventstore.api.projection.RebuildProgress;
import jakarta.json.bind.annotation.JsonbNillable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A projection on the wire.
 *
 * @param name its name
 * @param generation the live generation, the one reads use
 * @param state the live generation's delivery state
 * @param checkpoint the live generation's checkpoint: its read model is as of this event
 * @param lagEvents committed events after that checkpoint (counted up to 1,000,000)
 * @param lagSeconds age of the oldest of them; 0 when caught up
 * @param eventsPerSecond the live generation's recent rate
 * @param lastError its last failure since its last success, if any
 * @param rebuild the rebuild under way, if any
 * @param lastRebuildFinishedAt when the last rebuild replaced the live generation
 */
@Schema(name = "Projection")
@JsonbNillable(false)
public record ProjectionView(
    @Schema(required = true) String name,
    @Schema(required = true, minimum = "1") int generation,
    @Schema(required = true, ref = "SubscriptionState") String state,
    @Schema(required = true) String checkpoint,
    @Schema(required = true, minimum = "0") long lagEvents,
    @Schema(required = true, minimum = "0") double lagSeconds,
    @Schema(required = true, minimum = "0") double eventsPerSecond,
    String lastError,
    RebuildView rebuild,
    @Schema(format = "date-time") String lastRebuildFinishedAt) {

  /**
   * A rebuild's progress.
   *
   * @param generation the generation being built beside the live one
   * @param startedAt when it started
   * @param checkpoint where the new generation is in $all
   * @param eventsDone events it has applied
   * @param eventsTotal events done plus those after its checkpoint (counted up to 1,000,000)
   * @param eventsPerSecond its recent rate, or its average since the start
   * @param etaSeconds seconds until it catches up at that rate; absent while there is no rate
   */
  @Schema(name = "ProjectionRebuild")
  @JsonbNillable(false)
  public record RebuildView(
      @Schema(required = true, minimum = "2") int generation,
      @Schema(required = true, format = "date-time") String startedAt,
      @Schema(required = true) String checkpoint,
      @Schema(required = true, minimum = "0") long eventsDone,
      @Schema(required = true, minimum = "0") long eventsTotal,
      @Schema(required = true, minimum = "0") double eventsPerSecond,
      @Schema(minimum = "0") Double etaSeconds) {

    static RebuildView from(RebuildProgress p) {
      return new RebuildView(
          p.generation(),
          p.startedAt().toString(),
          p.checkpoint().toString(),
          p.eventsDone(),
          p.eventsTotal(),
          p.eventsPerSecond(),
          p.etaSeconds().orElse(null));
    }
  }

  static ProjectionView from(ProjectionInfo p) {
    return new ProjectionView(
        p.name().value(),
        p.generation(),
        p.state().wireName(),
        p.checkpoint().toString(),
        p.lagEvents(),
        p.lagSeconds(),
        p.eventsPerSecond(),
        p.lastError().orElse(null),
        p.rebuild().map(RebuildView::from).orElse(null),
        p.lastRebuildFinishedAt().map(Object::toString).orElse(null));
  }
}
