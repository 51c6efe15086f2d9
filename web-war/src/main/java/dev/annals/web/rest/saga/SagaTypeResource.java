package dev.annals.web.rest.saga;

import dev.annals.saga.api.DefinedSagaType;
import dev.annals.saga.api.SagaTypes;
import dev.annals.tenancy.api.TenantId;
import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import dev.annals.web.rest.JsonBody;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
 * A tenant's declarative saga types: defining and deleting them is a tenant admin's (or platform
 * admin's) job, audited; readers may look at them.
 */
@Path("tenants/{tenant}/saga-types")
@RequestScoped
@Tag(
    name = "Saga types",
    description =
        "Declarative saga types: steps as HTTP calls with compensations, retry budgets and"
            + " timeouts, for teams without a Java deployment")
@Produces(MediaType.APPLICATION_JSON)
public class SagaTypeResource {

  private static final int MAX_BODY = 256 * 1024;

  @EJB SagaTypes types;

  @PUT
  @Path("{sagaType}")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "defineSagaType",
      summary = "Define or redefine a declarative saga type",
      description =
          "Body: {\"steps\": [{\"name\", \"action\": {\"method\", \"url\", \"body\"?},"
              + " \"compensation\"?: {...}, \"retry\"?: {\"maxAttempts\", \"backoffMs\","
              + " \"maxBackoffMs\"?}, \"timeoutMs\"?}], \"timeoutMs\"?}. A step succeeds on 2xx"
              + " (a JSON object answer is merged into the saga's data), 4xx fails it at once,"
              + " 5xx/408/429/no answer are retried within the budget. ${data.<field>} in URLs"
              + " (after the host, percent-encoded) and bodies. Calls carry Idempotency-Key"
              + " <sagaId>:<step> (…:compensate) and X-Correlation-Id. Sagas that run already"
              + " keep the plan they started with.")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class)))
  @APIResponse(
      responseCode = "200",
      description = "Redefined",
      content = @Content(schema = @Schema(implementation = SagaTypeView.class)))
  @APIResponse(
      responseCode = "201",
      description = "Defined",
      content = @Content(schema = @Schema(implementation = SagaTypeView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Malformed body or name, or a field at fault (named in the detail): a method, a URL that"
              + " is not http(s) or points at this server, a budget; or a Java saga type's name",
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
  public Response define(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "sagaType") @PathParam("sagaType") String type,
      InputStream body) {
    DefinedSagaType defined =
        types.define(new TenantId(tenant), type, JsonBody.readObject(body, MAX_BODY));
    return Response.status(defined.created() ? 201 : 200)
        .entity(SagaTypeView.from(defined.type()))
        .build();
  }

  @GET
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @Operation(operationId = "listSagaTypes", summary = "List the tenant's declarative saga types")
  @APIResponse(
      responseCode = "200",
      description = "Every declarative saga type, by name",
      content = @Content(schema = @Schema(implementation = SagaTypeView.ListView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SagaTypeView.ListView list(@Parameter(ref = "tenant") @PathParam("tenant") String tenant) {
    return new SagaTypeView.ListView(
        types.list(new TenantId(tenant)).stream().map(SagaTypeView::from).toList());
  }

  @GET
  @Path("{sagaType}")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @Operation(operationId = "getSagaType", summary = "Show a declarative saga type")
  @APIResponse(
      responseCode = "200",
      description = "The type",
      content = @Content(schema = @Schema(implementation = SagaTypeView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "SagaTypeNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SagaTypeView get(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "sagaType") @PathParam("sagaType") String type) {
    return SagaTypeView.from(types.show(new TenantId(tenant), type));
  }

  @DELETE
  @Path("{sagaType}")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Operation(
      operationId = "deleteSagaType",
      summary = "Delete a declarative saga type (running sagas of it go on with their plans)")
  @APIResponse(
      responseCode = "200",
      description = "Deleted: the type as it was",
      content = @Content(schema = @Schema(implementation = SagaTypeView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "SagaTypeNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "423", ref = "TenantSuspended")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SagaTypeView delete(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "sagaType") @PathParam("sagaType") String type) {
    return SagaTypeView.from(types.delete(new TenantId(tenant), type));
  }
}
