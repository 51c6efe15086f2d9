package dev.annals.web.rest.live;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.ReadForm;
import dev.annals.tenancy.api.TenantId;
import dev.annals.web.rest.QueryParams;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.AuthenticationFilter;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's $all as a Server-Sent Events stream. Everything a client can get wrong (tenant,
 * checkpoint, filters) is checked before the stream starts, so it is answered as a problem; the
 * stream itself runs on {@link LiveFeeds}' executor, not on this request's thread.
 */
@Path("tenants/{tenant}/events/live")
@RequestScoped
@Tag(name = "All events")
public class LiveEventsResource {

  @EJB EventStore store;

  @Inject LiveFeeds feeds;

  @Context HttpServletRequest request;

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      operationId = "followAll",
      summary = "Follow the tenant's $all live (Server-Sent Events)",
      description =
          "Sends the tenant's committed events after the given checkpoint, in $all order: first"
              + " what is stored (catch-up), then each new event as it commits, on any node. Each"
              + " event is one message: 'id' is its checkpoint, 'event' its type, 'data' the event"
              + " as reads return it. The comment 'live' marks the end of the catch-up; a"
              + " 'heartbeat' comment follows every 15 s while nothing else is sent. A client"
              + " that reconnects with Last-Event-ID continues exactly after that event"
              + " (Last-Event-ID wins over 'after'). A client that does not keep up is"
              + " disconnected and resumes the same way; events are never skipped, even while"
              + " transactions commit out of order. When the bearer token the stream was opened"
              + " with expires, the server sends the event 'annals:closed' with data"
              + " {\"reason\": \"token-expired\", ...} and ends the stream; reconnect with a fresh"
              + " token and Last-Event-ID. With raw=true events are sent as stored, without"
              + " upcasting.")
  @APIResponse(
      responseCode = "200",
      description = "The event stream",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      description =
                          "text/event-stream: messages with id (checkpoint), event (type) and"
                              + " data (the event as JSON)")))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public void follow(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(
              description =
                  "Start after this checkpoint (a page's checkpoint or an event's position);"
                      + " absent: from the start")
          @QueryParam("after")
          String after,
      @Parameter(description = "Only events of streams whose id starts with this")
          @QueryParam("streamPrefix")
          String streamPrefix,
      @Parameter(description = "Only events of these types (comma-separated)")
          @QueryParam("eventTypes")
          String eventTypes,
      @Parameter(ref = "raw") @QueryParam("raw") String raw,
      @Parameter(
              description =
                  "The id of the last event received before a reconnect: continue after it"
                      + " (wins over 'after')")
          @HeaderParam("Last-Event-ID")
          String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    TenantId tenantId = new TenantId(tenant);
    String from = lastEventId != null && !lastEventId.isEmpty() ? lastEventId : after;
    Checkpoint start = from == null || from.isEmpty() ? Checkpoint.START : Checkpoint.parse(from);
    LiveFilter filter = LiveFilter.parse(streamPrefix, eventTypes);
    ReadForm form = QueryParams.readForm(raw);
    // Refuses an unknown tenant (404), a deleted one (410) or a checkpoint that is no event of
    // this tenant (400) while the answer can still be a problem.
    store.readAll(tenantId, start, 1, ReadForm.STORED);
    Optional<Instant> until =
        request.getAttribute(AuthenticationFilter.TOKEN_ACCEPTED_UNTIL) instanceof Instant i
            ? Optional.of(i)
            : Optional.empty();
    feeds.open(tenantId, start, filter, form, until, sink, sse);
  }
}
