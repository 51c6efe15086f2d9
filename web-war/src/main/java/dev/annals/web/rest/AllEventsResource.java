package dev.annals.web.rest;

import dev.annals.eventstore.api.AllSlice;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventReads;
import dev.annals.eventstore.api.EventStoreLimits;
import dev.annals.tenancy.api.TenantId;
import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's $all: every committed event, in checkpoint order. */
@Path("tenants/{tenant}/events")
@RequestScoped
@Tag(
    name = "All events",
    description = "A tenant's $all: every committed event in checkpoint order")
@Produces(MediaType.APPLICATION_JSON)
public class AllEventsResource {

  @Inject EventReads reads; // no EJB hop per read

  @Inject EventStoreLimits limits;

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @GET
  @Operation(
      operationId = "readAll",
      summary = "Page the tenant's $all",
      description =
          "Pass the returned checkpoint as 'after' for the next page. Paging never skips or"
              + " repeats an event, even while transactions commit out of order; events of a"
              + " still-open write transaction are held back until it ends.")
  @APIResponse(
      responseCode = "200",
      description = "A page and the checkpoint to continue from",
      content = @Content(schema = @Schema(implementation = AllPageView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed or unknown 'after', bad limit or raw",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public AllPageView read(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(
              description =
                  "The checkpoint of the previous page (or an event's position); absent: from the"
                      + " start")
          @QueryParam("after")
          String after,
      @Parameter(ref = "limit") @QueryParam("limit") String limit,
      @Parameter(ref = "raw") @QueryParam("raw") String raw) {
    TenantId tenantId = new TenantId(tenant);
    Checkpoint from = QueryParams.checkpoint(after);
    int max = limits.maxReadLimit();
    AllSlice slice =
        reads.readAll(tenantId, from, QueryParams.limit(limit, max), QueryParams.readForm(raw));
    return AllPageView.of(slice);
  }
}
