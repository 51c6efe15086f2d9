package dev.annals.web.rest.saga;

import dev.annals.saga.api.SagaPage;
import dev.annals.saga.api.SagaQuery;
import dev.annals.saga.api.Sagas;
import dev.annals.saga.api.StartedSaga;
import dev.annals.tenancy.api.TenantId;
import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import dev.annals.web.rest.CorrelationFilter;
import dev.annals.web.rest.JsonBody;
import dev.annals.web.rest.QueryParams;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's sagas: writers start, cancel and retry them; readers look at them. A saga's steps
 * carry the starting request's correlation id.
 */
@Path("tenants/{tenant}/sagas")
@RequestScoped
@Tag(
    name = "Sagas",
    description =
        "Orchestrated sagas: steps run in order, retried within their budgets; a step that fails"
            + " for good, a timeout or a cancel undoes the finished steps in reverse order")
@Produces(MediaType.APPLICATION_JSON)
public class SagaResource {

  private static final int MAX_BODY = 1024 * 1024;

  @EJB Sagas sagas;

  @Context HttpServletRequest request;

  @POST
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.WRITER})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "startSaga",
      summary = "Start a saga",
      description =
          "It runs on some node at once. With an id, starting again finds the same saga (200)"
              + " instead of starting a second one.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = SagaStartRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "Started",
      content = @Content(schema = @Schema(implementation = SagaStatusView.class)))
  @APIResponse(
      responseCode = "200",
      description = "A saga of this id existed: it, as it is now (nothing was started)",
      content = @Content(schema = @Schema(implementation = SagaStatusView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Malformed body, an unknown saga type, an invalid id or data that does not fit the type",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "423", ref = "TenantSuspended")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public Response start(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant, InputStream body) {
    StartedSaga started =
        sagas.start(
            new TenantId(tenant),
            SagaRequestParser.start(
                JsonBody.readObject(body, MAX_BODY),
                (String) request.getAttribute(CorrelationFilter.ATTRIBUTE)));
    SagaStatusView view = SagaStatusView.from(started.saga());
    if (!started.created()) {
      return Response.ok(view).build();
    }
    return Response.created(
            UriBuilder.fromResource(SagaResource.class).path(view.id()).build(tenant))
        .entity(view)
        .build();
  }

  @GET
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @Operation(operationId = "listSagas", summary = "List the tenant's sagas by id")
  @APIResponse(
      responseCode = "200",
      description = "A page of sagas",
      content = @Content(schema = @Schema(implementation = SagaListView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SagaListView list(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(
              name = "state",
              in = ParameterIn.QUERY,
              description = "Only sagas in this state",
              schema = @Schema(ref = "SagaState"))
          @QueryParam("state")
          String state,
      @Parameter(name = "type", in = ParameterIn.QUERY, description = "Only sagas of this type")
          @QueryParam("type")
          String type,
      @Parameter(
              name = "after",
              in = ParameterIn.QUERY,
              description = "Only ids after this one (the previous page's 'next')")
          @QueryParam("after")
          String after,
      @Parameter(
              name = "limit",
              in = ParameterIn.QUERY,
              description = "Most sagas on the page",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "100"))
          @QueryParam("limit")
          String limit) {
    SagaQuery query =
        SagaRequestParser.query(state, type, after, QueryParams.limit(limit, SagaQuery.MAX_LIMIT));
    SagaPage page = sagas.list(new TenantId(tenant), query);
    return new SagaListView(
        page.sagas().stream().map(SagaSummaryView::from).toList(), page.next().orElse(null));
  }

  @GET
  @Path("{saga}")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @Operation(
      operationId = "getSaga",
      summary = "Show a saga: state, data and each step's state, attempts, times and error")
  @APIResponse(
      responseCode = "200",
      description = "The saga",
      content = @Content(schema = @Schema(implementation = SagaStatusView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "SagaNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SagaStatusView get(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "saga") @PathParam("saga") String id) {
    return SagaStatusView.from(
        sagas.show(new TenantId(tenant), SagaRequestParser.id(id, "Saga id")));
  }

  @POST
  @Path("{saga}/cancel")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.WRITER})
  @Operation(
      operationId = "cancelSaga",
      summary = "Cancel a running saga: its finished steps are undone, then it is cancelled")
  @APIResponse(
      responseCode = "200",
      description = "The saga, cancelling (compensating) or cancelled",
      content = @Content(schema = @Schema(implementation = SagaStatusView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "SagaNotFound")
  @APIResponse(
      responseCode = "409",
      description = "The saga moved on while deciding: try again (Retry-After)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "422", ref = "BusinessRuleViolated")
  @APIResponse(responseCode = "423", ref = "TenantSuspended")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SagaStatusView cancel(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "saga") @PathParam("saga") String id) {
    return SagaStatusView.from(
        sagas.cancel(new TenantId(tenant), SagaRequestParser.id(id, "Saga id")));
  }

  @POST
  @Path("{saga}/retry")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.WRITER})
  @Operation(
      operationId = "retrySaga",
      summary =
          "Retry a failed saga's step, or a compensation_failed saga's compensation, with a fresh"
              + " budget")
  @APIResponse(
      responseCode = "200",
      description = "The saga, running or compensating again",
      content = @Content(schema = @Schema(implementation = SagaStatusView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "SagaNotFound")
  @APIResponse(
      responseCode = "409",
      description = "The saga moved on while deciding: try again (Retry-After)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "422", ref = "BusinessRuleViolated")
  @APIResponse(responseCode = "423", ref = "TenantSuspended")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SagaStatusView retry(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "saga") @PathParam("saga") String id) {
    return SagaStatusView.from(
        sagas.retry(new TenantId(tenant), SagaRequestParser.id(id, "Saga id")));
  }
}
