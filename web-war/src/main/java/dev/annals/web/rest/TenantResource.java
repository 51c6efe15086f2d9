package dev.annals.web.rest;

import dev.annals.eventstore.api.projection.TenantStatistics;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantStats;
import dev.annals.tenancy.api.Tenants;
import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
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
 * One tenant: show, suspend, resume, move, delete ({@link TenantsResource} creates and lists them).
 * Every change is idempotent: repeating it answers the tenant as it is now.
 */
@Path("tenants/{tenant}")
@RequestScoped
@Tag(
    name = "Tenants",
    description =
        "Tenants: create, list, show, suspend, resume, move between isolation modes, delete")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

  /** The largest tenant request body accepted. */
  static final int MAX_BODY = 16 * 1024;

  @EJB Tenants tenants;

  @EJB TenantStatistics statistics;

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @GET
  @Operation(
      operationId = "getTenant",
      summary = "Show a tenant: isolation, state, stream and event counts, latest move",
      description =
          "streams, events and storageBytes are exact (kept by every append: the quotas'"
              + " measure); statistics come from the statistics projection, as of its checkpoint")
  @APIResponse(
      responseCode = "200",
      description = "The tenant",
      content = @Content(schema = @Schema(implementation = TenantView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public TenantView get(@Parameter(ref = "tenant") @PathParam("tenant") String tenant) {
    TenantId id = new TenantId(tenant);
    Tenant t = Tenants.live(id, tenants.find(id));
    TenantStats stats = tenants.stats(id);
    return TenantView.from(
        t, stats, tenants.lastMove(id).orElse(null), TenantStatisticsView.from(statistics.of(id)));
  }

  @Allowed(Role.PLATFORM_ADMIN)
  @POST
  @Path("suspend")
  @Operation(
      operationId = "suspendTenant",
      summary = "Suspend a tenant: its writes are refused (423) until resumed; reads work")
  @APIResponse(
      responseCode = "200",
      description = "The tenant, suspended",
      content = @Content(schema = @Schema(implementation = TenantView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "409", ref = "TenantMoving")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public TenantView suspend(@Parameter(ref = "tenant") @PathParam("tenant") String tenant) {
    return TenantView.from(tenants.suspend(new TenantId(tenant)), null);
  }

  @Allowed(Role.PLATFORM_ADMIN)
  @POST
  @Path("resume")
  @Operation(operationId = "resumeTenant", summary = "Resume a suspended tenant")
  @APIResponse(
      responseCode = "200",
      description = "The tenant, active",
      content = @Content(schema = @Schema(implementation = TenantView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "409", ref = "TenantMoving")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public TenantView resume(@Parameter(ref = "tenant") @PathParam("tenant") String tenant) {
    return TenantView.from(tenants.resume(new TenantId(tenant)), null);
  }

  @Allowed(Role.PLATFORM_ADMIN)
  @POST
  @Path("move")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "moveTenant",
      summary = "Move a tenant to another isolation mode while it keeps serving",
      description =
          "Answers 202 at once;"
              + " GET the tenant for progress (\"move\"). Writes during the short fence wait or get"
              + " a 503 with Retry-After; no event is lost, duplicated or reordered, and"
              + " checkpoints stay valid. A failed move leaves the tenant where it was.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = TenantMoveRequest.class)))
  @APIResponse(
      responseCode = "202",
      description = "Moving: the tenant and its move",
      content = @Content(schema = @Schema(implementation = TenantView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed body or target, or a server that is not registered",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "403", ref = "QuotaExceeded")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(
      responseCode = "409",
      description = "Already there, moving elsewhere, or not movable",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public Response move(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant, InputStream body) {
    TenantId id = new TenantId(tenant);
    TenantRequestParser.ParsedMove m =
        TenantRequestParser.move(JsonBody.readObject(body, MAX_BODY));
    Tenant moving = tenants.move(id, m.to(), m.server());
    return Response.accepted(TenantView.from(moving, null, tenants.lastMove(id).orElse(null), null))
        .location(UriBuilder.fromResource(TenantsResource.class).path(id.value()).build())
        .build();
  }

  @Allowed(Role.PLATFORM_ADMIN)
  @DELETE
  @Operation(
      operationId = "deleteTenant",
      summary = "Delete a tenant",
      description =
          "Writes are refused at once; the data is kept retainDays days (default 30; 0 purges"
              + " now), during which the tenant answers 410, then 404. The id is never reused."
              + " Deleting again may shorten the retention (counted from the first deletion),"
              + " never lengthen it; 0 purges now.")
  @APIResponse(
      responseCode = "200",
      description = "The tenant, deleted",
      content = @Content(schema = @Schema(implementation = TenantView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid id or retainDays",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "409", ref = "TenantMoving")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public TenantView delete(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(
              description = "Days to keep the data; 0 purges now",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "0",
                      maximum = "3650",
                      defaultValue = "30"))
          @QueryParam("retainDays")
          String retainDays) {
    int days = (int) QueryParams.longAtLeast(retainDays, "retainDays", 0, 30);
    return TenantView.from(tenants.delete(new TenantId(tenant), days), null);
  }
}
