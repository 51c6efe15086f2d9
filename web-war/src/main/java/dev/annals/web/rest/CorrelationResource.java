package dev.annals.web.rest;

import dev.annals.eventstore.api.AllSlice;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventReads;
import dev.annals.eventstore.api.EventStoreLimits;
import dev.annals.tenancy.api.InvalidRequestException;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every event of one causal chain: the events whose metadata carries one correlation id. */
@Path("tenants/{tenant}/correlations/{correlationId}/events")
@RequestScoped
@Tag(name = "All events")
@Produces(MediaType.APPLICATION_JSON)
public class CorrelationResource {

  /** Longest correlation id accepted; longer ones cannot have been stored by a client anyway. */
  static final int MAX_CORRELATION_ID = 200;

  @Inject EventReads reads; // no EJB hop per read

  @Inject EventStoreLimits limits;

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @GET
  @Operation(
      operationId = "readCorrelation",
      summary = "Page all events of one correlation id",
      description =
          "The tenant's committed events whose metadata carries this correlationId, in $all"
              + " order, paged like $all: pass the returned checkpoint as 'after'. An unknown"
              + " correlation id answers an empty page.")
  @APIResponse(
      responseCode = "200",
      description = "A page and the checkpoint to continue from",
      content = @Content(schema = @Schema(implementation = AllPageView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed or unknown 'after', bad limit or raw, correlation id too long",
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
              description = "The correlation id, as stored in the events' metadata",
              schema = @Schema(type = SchemaType.STRING, maxLength = MAX_CORRELATION_ID))
          @PathParam("correlationId")
          String correlationId,
      @Parameter(description = "The checkpoint of the previous page; absent: from the start")
          @QueryParam("after")
          String after,
      @Parameter(ref = "limit") @QueryParam("limit") String limit,
      @Parameter(ref = "raw") @QueryParam("raw") String raw) {
    TenantId tenantId = new TenantId(tenant);
    if (correlationId.length() > MAX_CORRELATION_ID) {
      throw new InvalidRequestException(
          "'correlationId' must be at most " + MAX_CORRELATION_ID + " characters");
    }
    Checkpoint from = QueryParams.checkpoint(after);
    AllSlice slice =
        reads.readCorrelation(
            tenantId,
            correlationId,
            from,
            QueryParams.limit(limit, limits.maxReadLimit()),
            QueryParams.readForm(raw));
    return AllPageView.of(slice);
  }
}
