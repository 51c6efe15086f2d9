package dev.annals.web.rest;

import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantMove;
import dev.annals.tenancy.api.TenantStats;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A tenant on the wire.
 *
 * @param id its id
 * @param name display name
 * @param isolation shared, schema or database
 * @param state active, suspended, moving or deleted
 * @param created when it was created (ISO-8601)
 * @param database the registered server of a database-mode tenant placed off the platform's server
 * @param deleted when it was deleted
 * @param purgeAfter when a deleted tenant's data is purged
 * @param streams number of streams (on a single tenant's view)
 * @param events number of events (on a single tenant's view)
 * @param storageBytes bytes of event data and metadata as stored (on a single tenant's view; the
 *     storage quota's measure)
 * @param move the latest move, while it runs and after (on a single tenant's view)
 * @param statistics streams, events, events per type and the last event's time from the statistics
 *     projection, as of its checkpoint (on a single tenant's view)
 */
@JsonbNillable(false)
@JsonbPropertyOrder({
  "id",
  "name",
  "isolation",
  "state",
  "created",
  "database",
  "deleted",
  "purgeAfter",
  "streams",
  "events",
  "storageBytes",
  "move",
  "statistics"
})
public record TenantView(
    @Schema(required = true) String id,
    @Schema(required = true) String name,
    @Schema(required = true, ref = "Isolation") String isolation,
    @Schema(required = true, ref = "TenantState") String state,
    @Schema(required = true, format = "date-time") String created,
    ServerView database,
    @Schema(format = "date-time") String deleted,
    @Schema(format = "date-time") String purgeAfter,
    Long streams,
    Long events,
    @Schema(description = "Bytes of event data and metadata as stored and read back")
        Long storageBytes,
    MoveView move,
    TenantStatisticsView statistics) {

  /**
   * Where a database-mode tenant's database lives, on the wire.
   *
   * @param server the registered database server's name
   */
  @Schema(name = "DatabasePlacementView")
  public record ServerView(@Schema(required = true) String server) {}

  /**
   * A move on the wire.
   *
   * @param to target isolation
   * @param database target server, if another
   * @param phase copying, fenced, switched, done or failed
   * @param eventsCopied events copied so far
   * @param error why it failed
   * @param started when it started
   * @param finished when it finished
   */
  @JsonbNillable(false)
  @JsonbPropertyOrder({"to", "database", "phase", "eventsCopied", "error", "started", "finished"})
  public record MoveView(
      @Schema(required = true, ref = "Isolation") String to,
      ServerView database,
      @Schema(required = true, ref = "MovePhase") String phase,
      @Schema(required = true) long eventsCopied,
      String error,
      @Schema(required = true, format = "date-time") String started,
      @Schema(format = "date-time") String finished) {

    static MoveView from(TenantMove m) {
      return new MoveView(
          m.to().wireName(),
          m.server().map(s -> new ServerView(s.name())).orElse(null),
          m.phase().wireName(),
          m.eventsCopied(),
          m.error().orElse(null),
          m.startedAt().toString(),
          m.finishedAt().map(Object::toString).orElse(null));
    }
  }

  static TenantView from(Tenant t, TenantStats stats) {
    return from(t, stats, null, null);
  }

  static TenantView from(
      Tenant t, TenantStats stats, TenantMove move, TenantStatisticsView statistics) {
    return new TenantView(
        t.id().value(),
        t.name(),
        t.isolation().wireName(),
        t.state().wireName(),
        t.createdAt().toString(),
        t.server().map(s -> new ServerView(s.name())).orElse(null),
        t.deletedAt().map(Object::toString).orElse(null),
        t.purgeAfter().map(Object::toString).orElse(null),
        stats == null ? null : stats.streams(),
        stats == null ? null : stats.events(),
        stats == null ? null : stats.storageBytes(),
        move == null ? null : MoveView.from(move),
        statistics);
  }
}
