package dev.annals.web.rest;

import dev.annals.eventstore.api.AppendContext;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventReads;
import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.EventStoreLimits;
import dev.annals.eventstore.api.ReadForm;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamNotFoundException;
import dev.annals.eventstore.api.StreamSlice;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import dev.annals.web.error.Problems;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One stream: append, read a page, show its head. Appended events record the authenticated caller
 * as their principal.
 *
 * <p>Application-scoped: it holds no request state (what an append needs of its request comes as
 * parameters), so no bean with its references is built and destroyed for every request.
 */
@Path("tenants/{tenant}/streams/{stream}")
@ApplicationScoped
@Tag(name = "Streams", description = "One stream: append, read, show its head")
@Produces(MediaType.APPLICATION_JSON)
public class StreamResource {

  @EJB EventStore store;

  @Inject EventReads reads; // reads: no EJB hop

  @Inject EventStoreLimits limits;

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.WRITER})
  @POST
  @Path("events")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "appendEvents",
      summary = "Append events",
      description =
          "Appends atomically and answers once the events are durable. Concurrent appends are"
              + " committed together (group commit), each with its own outcome. Resending the same"
              + " event ids in the same order answers 200 with the original result and stores"
              + " nothing: safe to retry after a timeout or a 503.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = AppendRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "Stored",
      content = @Content(schema = @Schema(implementation = AppendResponse.class)))
  @APIResponse(
      responseCode = "200",
      description = "Identical resend: the original result, nothing stored",
      content = @Content(schema = @Schema(implementation = AppendResponse.class)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed body or ids, empty events",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "403", ref = "QuotaExceeded")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(
      responseCode = "409",
      description =
          "Wrong expected version (the problem has currentVersion), or event ids used already",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "423", ref = "TenantSuspended")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public void append(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "stream") @PathParam("stream") String stream,
      @Parameter(
              description =
                  "The id of the message that caused these events, stored in their metadata")
          @HeaderParam("X-Causation-Id")
          String causationId,
      InputStream body,
      @Context HttpServletRequest request,
      @Context SecurityContext security,
      @Suspended AsyncResponse response) {
    TenantId tenantId = new TenantId(tenant);
    StreamId streamId = new StreamId(stream);
    AppendRequestParser.ParsedAppend parsed =
        AppendRequestParser.parse(JsonBody.readObject(body, limits.maxAppendBytes()));
    String correlationId = (String) request.getAttribute(CorrelationFilter.ATTRIBUTE);
    String path = request.getRequestURI();
    AppendContext context =
        new AppendContext(
            correlationId,
            CorrelationFilter.sane(causationId).orElse(null),
            security.getUserPrincipal().getName());
    store
        .appendDurably(tenantId, streamId, parsed.expected(), parsed.events(), context)
        .whenComplete(
            (result, failure) -> {
              if (failure != null) {
                Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                response.resume(Problems.response(cause, path, correlationId));
              } else {
                AppendResponse entity = AppendResponse.from(result);
                response.resume(
                    result.replayed()
                        ? Response.ok(entity).build()
                        : Response.status(Response.Status.CREATED).entity(entity).build());
              }
            });
  }

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @GET
  @Path("events")
  @Operation(
      operationId = "readStream",
      summary = "Read a page of the stream",
      description =
          "With toVersion or asOf (not both), the stream as it stood then: no event above that"
              + " version, or above the last one recorded at or before that time, is returned.")
  @APIResponse(
      responseCode = "200",
      description = "A page; next is the from for the next page, null at the end",
      content = @Content(schema = @Schema(implementation = StreamPageView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Bad from, direction, limit, toVersion, asOf or raw, or both toVersion and asOf",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "404", ref = "StreamNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public StreamPageView read(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "stream") @PathParam("stream") String stream,
      @Parameter(
              description = "First version to read; default 1 forward, the last backward",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          @QueryParam("from")
          String from,
      @Parameter(
              description = "Reading order; default forward",
              schema = @Schema(ref = "Direction"))
          @QueryParam("direction")
          String direction,
      @Parameter(ref = "limit") @QueryParam("limit") String limit,
      @Parameter(
              description = "Read the stream as it stood at this version: nothing above it",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
          @QueryParam("toVersion")
          String toVersion,
      @Parameter(
              description =
                  "Read the stream as it stood at this time (RFC 3339 with offset): its events up"
                      + " to the first one recorded after it",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("asOf")
          String asOf,
      @Parameter(ref = "raw") @QueryParam("raw") String raw) {
    TenantId tenantId = new TenantId(tenant);
    StreamId streamId = new StreamId(stream);
    Direction dir = direction(direction);
    long start =
        QueryParams.longAtLeast(from, "from", 1, dir == Direction.FORWARD ? 1 : Long.MAX_VALUE);
    int size = QueryParams.limit(limit, limits.maxReadLimit());
    Instant time = QueryParams.instant(asOf, "asOf");
    if (time != null && toVersion != null && !toVersion.isEmpty()) {
      throw new InvalidRequestException("Give 'toVersion' or 'asOf', not both");
    }
    long upTo =
        time != null
            ? reads.versionAt(tenantId, streamId, time)
            : QueryParams.longAtLeast(toVersion, "toVersion", 0, Long.MAX_VALUE);
    ReadForm form = QueryParams.readForm(raw);
    StreamSlice slice =
        upTo == Long.MAX_VALUE
            ? reads.readStream(tenantId, streamId, start, dir, size, form)
            : reads.readStream(tenantId, streamId, start, dir, size, upTo, form);
    return new StreamPageView(
        slice.events().stream().map(EventView::from).toList(),
        slice.next().isPresent() ? slice.next().getAsLong() : null);
  }

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @GET
  @Operation(operationId = "getStreamInfo", summary = "Show the stream's head")
  @APIResponse(
      responseCode = "200",
      description = "Version and times",
      content = @Content(schema = @Schema(implementation = StreamInfoView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "StreamNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public StreamInfoView info(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "stream") @PathParam("stream") String stream) {
    TenantId tenantId = new TenantId(tenant);
    StreamId streamId = new StreamId(stream);
    return reads
        .streamInfo(tenantId, streamId)
        .map(StreamInfoView::from)
        .orElseThrow(() -> new StreamNotFoundException(streamId));
  }

  private static Direction direction(String raw) {
    if (raw == null || raw.isEmpty() || raw.equals("forward")) {
      return Direction.FORWARD;
    }
    if (raw.equals("backward")) {
      return Direction.BACKWARD;
    }
    throw new InvalidRequestException("'direction' must be forward or backward, was '" + raw + "'");
  }
}
