package dev.annals.web.rest.snapshot;

import dev.annals.eventstore.api.EventStoreLimits;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.snapshot.SnapshotNotFoundException;
import dev.annals.eventstore.api.snapshot.Snapshots;
import dev.annals.tenancy.api.TenantId;
import dev.annals.web.rest.JsonBody;
import dev.annals.web.rest.QueryParams;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A stream's snapshots, for clients that fold its state themselves: store one at a version the
 * stream has reached, fetch the newest at or below a version. The stream keeps the newest K (its
 * category's policy, default 3).
 */
@Path("tenants/{tenant}/streams/{stream}/snapshot")
@RequestScoped
@Tag(name = "Streams")
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotResource {

  @EJB Snapshots snapshots;

  @Inject EventStoreLimits limits;

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.WRITER})
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "putSnapshot",
      summary = "Store a snapshot of the stream",
      description =
          "Stores the state at a version the stream has reached (replacing one at the same"
              + " version), then drops the stream's snapshots beyond the newest K.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = SnapshotRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "Stored",
      content = @Content(schema = @Schema(implementation = SnapshotView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "StreamNotFound")
  @APIResponse(
      responseCode = "409",
      description = "The version is above the stream's (snapshot-ahead, with currentVersion)",
      content =
          @Content(mediaType = "application/problem+json", schema = @Schema(ref = "ProblemView")))
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "423", ref = "TenantSuspended")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SnapshotView put(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "stream") @PathParam("stream") String stream,
      InputStream body) {
    TenantId tenantId = new TenantId(tenant);
    StreamId streamId = new StreamId(stream);
    SnapshotRequest r = SnapshotRequest.parse(JsonBody.readObject(body, limits.maxAppendBytes()));
    return SnapshotView.from(
        snapshots.save(tenantId, streamId, r.version(), r.schemaVersion(), r.state()));
  }

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @GET
  @Operation(
      operationId = "getSnapshot",
      summary = "Fetch the stream's newest snapshot at or below a version")
  @APIResponse(
      responseCode = "200",
      description = "The snapshot",
      content = @Content(schema = @Schema(implementation = SnapshotView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "StreamNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SnapshotView get(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "stream") @PathParam("stream") String stream,
      @Parameter(
              description = "The highest version wanted; default: the stream's version",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
          @QueryParam("atOrBelow")
          String atOrBelow) {
    TenantId tenantId = new TenantId(tenant);
    StreamId streamId = new StreamId(stream);
    long version = QueryParams.longAtLeast(atOrBelow, "atOrBelow", 1, Long.MAX_VALUE);
    return snapshots
        .newestAtOrBelow(tenantId, streamId, version)
        .map(SnapshotView::from)
        .orElseThrow(() -> new SnapshotNotFoundException(streamId, version));
  }
}
