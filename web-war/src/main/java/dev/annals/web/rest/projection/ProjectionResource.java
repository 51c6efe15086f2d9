package dev.annals.web.rest.projection;

import dev.annals.eventstore.api.projection.ProjectionName;
import dev.annals.eventstore.api.projection.Projections;
import dev.annals.tenancy.api.TenantId;
import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's projections: every tenant has every deployed projection. Readers may look at them;
 * rebuilding one is a tenant admin's (or platform admin's) job, and audited.
 */
@Path("tenants/{tenant}/projections")
@RequestScoped
@Tag(
    name = "Projections",
    description =
        "Read models kept from a tenant's $all by in-process handlers, rebuilt blue/green: a new"
            + " generation catches up beside the live one and replaces it when caught up")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionResource {

  @EJB Projections projections;

  @GET
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @Operation(
      operationId = "listProjections",
      summary = "List the tenant's projections, with the progress of rebuilds under way")
  @APIResponse(
      responseCode = "200",
      description = "Every projection, by name",
      content = @Content(schema = @Schema(implementation = ProjectionListView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public ProjectionListView list(@Parameter(ref = "tenant") @PathParam("tenant") String tenant) {
    return new ProjectionListView(
        projections.list(new TenantId(tenant)).stream().map(ProjectionView::from).toList());
  }

  @GET
  @Path("{projection}")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @Operation(
      operationId = "getProjection",
      summary = "Show a projection: live generation, checkpoint, lag, rebuild progress and ETA")
  @APIResponse(
      responseCode = "200",
      description = "The projection",
      content = @Content(schema = @Schema(implementation = ProjectionView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "ProjectionNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public ProjectionView get(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "projection") @PathParam("projection") String name) {
    return ProjectionView.from(projections.get(new TenantId(tenant), new ProjectionName(name)));
  }

  @POST
  @Path("{projection}/rebuild")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Operation(
      operationId = "rebuildProjection",
      summary = "Rebuild a projection blue/green from the start of $all",
      description =
          "A new generation reads the tenant's $all from the start beside the live one, which"
              + " keeps answering reads, and replaces it atomically once it has caught up."
              + " Progress shows on the projection (rebuild).")
  @APIResponse(
      responseCode = "202",
      description = "Started: the projection, with the rebuild's progress",
      content = @Content(schema = @Schema(implementation = ProjectionView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "ProjectionNotFound")
  @APIResponse(
      responseCode = "409",
      description = "A rebuild of the projection is under way (type rebuild-running)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public Response rebuild(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "projection") @PathParam("projection") String name) {
    return Response.accepted(
            ProjectionView.from(
                projections.rebuild(new TenantId(tenant), new ProjectionName(name))))
        .build();
  }
}
