package dev.annals.web.rest.workflow;

import dev.annals.eventstore.api.AppendContext;
import dev.annals.eventstore.api.EventStoreLimits;
import dev.annals.eventstore.api.aggregate.AggregateNotFoundException;
import dev.annals.eventstore.api.aggregate.Aggregates;
import dev.annals.eventstore.api.aggregate.Command;
import dev.annals.eventstore.api.aggregate.Saved;
import dev.annals.eventstore.api.workflow.Workflow;
import dev.annals.eventstore.api.workflow.WorkflowType;
import dev.annals.tenancy.api.TenantId;
import dev.annals.web.rest.CorrelationFilter;
import dev.annals.web.rest.JsonBody;
import dev.annals.web.rest.workflow.WorkflowRequestParser.AsOf;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The research workflow, the reference aggregate, over HTTP: each command loads the workflow
 * (snapshot + tail), decides, and appends with the loaded version as the expected version, so of
 * concurrent commands exactly one wins and the others get 409. A command may carry an {@code
 * Idempotency-Key}: its events' ids derive from it, so a resend after a timeout stores nothing new
 * and answers 200 with the workflow as it is; and an {@code If-Match} with the version the caller
 * decided on, refused with 409 when the workflow has moved on.
 */
@Path("tenants/{tenant}/workflows")
@RequestScoped
@Tag(name = "Workflows", description = "The research workflow: the reference aggregate")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

  private static final String KEY_HEADER = "Idempotency-Key";

  @EJB Aggregates aggregates;

  @Inject EventStoreLimits limits;

  @Context HttpServletRequest request;

  @Context SecurityContext security;

  @Context UriInfo uri;

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.WRITER})
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createWorkflow",
      summary = "Create a research workflow",
      description =
          "201 with the new workflow (state created, version 1) and its Location. With an"
              + " Idempotency-Key the id derives from the key: a resend answers 200 with the"
              + " workflow as it is and stores nothing.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = WorkflowRequests.Create.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created: the workflow, state created, version 1",
      content = @Content(schema = @Schema(implementation = WorkflowView.class)))
  @APIResponse(
      responseCode = "200",
      description = "A resend with the same Idempotency-Key: the workflow as it is",
      content = @Content(schema = @Schema(implementation = WorkflowView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "409", ref = "WrongExpectedVersion")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "423", ref = "TenantSuspended")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public Response create(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "idempotencyKey") @HeaderParam(KEY_HEADER) String key,
      InputStream body) {
    TenantId tenantId = new TenantId(tenant);
    Consumer<Workflow> decision = WorkflowRequestParser.create(read(body));
    String id =
        key == null
            ? UUID.randomUUID().toString()
            : UUID.nameUUIDFromBytes(("workflow\u0000" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    Saved<Workflow> saved =
        aggregates.create(
            tenantId, WorkflowType.INSTANCE, id, command("create", decision, key, null));
    WorkflowView view = WorkflowView.from(saved.aggregate());
    if (saved.replayed()) {
      return Response.ok(view).build();
    }
    return Response.created(uri.getAbsolutePathBuilder().path(id).build()).entity(view).build();
  }

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.WRITER})
  @POST
  @Path("{workflowId}/start")
  @Operation(operationId = "startWorkflow", summary = "Start a created workflow")
  @APIResponse(
      responseCode = "200",
      description = "The workflow after the command (or as it is, for a resend with the same key)",
      content = @Content(schema = @Schema(implementation = WorkflowView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "WorkflowNotFound")
  @APIResponse(responseCode = "409", ref = "WrongExpectedVersion")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "422", ref = "BusinessRuleViolated")
  @APIResponse(responseCode = "423", ref = "TenantSuspended")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public WorkflowView start(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "workflowId") @PathParam("workflowId") String id,
      @Parameter(ref = "idempotencyKey") @HeaderParam(KEY_HEADER) String key,
      @Parameter(ref = "ifMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return execute(tenant, id, command("start", Workflow::start, key, ifMatch));
  }

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.WRITER})
  @POST
  @Path("{workflowId}/steps")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "completeWorkflowStep", summary = "Record a completed step")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = WorkflowRequests.Step.class)))
  @APIResponse(
      responseCode = "200",
      description = "The workflow after the command (or as it is, for a resend with the same key)",
      content = @Content(schema = @Schema(implementation = WorkflowView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "WorkflowNotFound")
  @APIResponse(responseCode = "409", ref = "WrongExpectedVersion")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "422", ref = "BusinessRuleViolated")
  @APIResponse(responseCode = "423", ref = "TenantSuspended")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public WorkflowView step(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "workflowId") @PathParam("workflowId") String id,
      @Parameter(ref = "idempotencyKey") @HeaderParam(KEY_HEADER) String key,
      @Parameter(ref = "ifMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      InputStream body) {
    String workflow = WorkflowRequestParser.id(id);
    Consumer<Workflow> decision = WorkflowRequestParser.step(read(body));
    return execute(tenant, workflow, command("step", decision, key, ifMatch));
  }

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.WRITER})
  @POST
  @Path("{workflowId}/complete")
  @Operation(operationId = "completeWorkflow", summary = "Complete a started workflow")
  @APIResponse(
      responseCode = "200",
      description = "The workflow after the command (or as it is, for a resend with the same key)",
      content = @Content(schema = @Schema(implementation = WorkflowView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "WorkflowNotFound")
  @APIResponse(responseCode = "409", ref = "WrongExpectedVersion")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "422", ref = "BusinessRuleViolated")
  @APIResponse(responseCode = "423", ref = "TenantSuspended")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public WorkflowView complete(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "workflowId") @PathParam("workflowId") String id,
      @Parameter(ref = "idempotencyKey") @HeaderParam(KEY_HEADER) String key,
      @Parameter(ref = "ifMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    return execute(tenant, id, command("complete", Workflow::complete, key, ifMatch));
  }

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.WRITER})
  @POST
  @Path("{workflowId}/fail")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "failWorkflow", summary = "Give a started workflow up")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = WorkflowRequests.Fail.class)))
  @APIResponse(
      responseCode = "200",
      description = "The workflow after the command (or as it is, for a resend with the same key)",
      content = @Content(schema = @Schema(implementation = WorkflowView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "WorkflowNotFound")
  @APIResponse(responseCode = "409", ref = "WrongExpectedVersion")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "422", ref = "BusinessRuleViolated")
  @APIResponse(responseCode = "423", ref = "TenantSuspended")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public WorkflowView fail(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "workflowId") @PathParam("workflowId") String id,
      @Parameter(ref = "idempotencyKey") @HeaderParam(KEY_HEADER) String key,
      @Parameter(ref = "ifMatch") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      InputStream body) {
    String workflow = WorkflowRequestParser.id(id);
    Consumer<Workflow> decision = WorkflowRequestParser.fail(read(body));
    return execute(tenant, workflow, command("fail", decision, key, ifMatch));
  }

  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @GET
  @Path("{workflowId}")
  @Operation(
      operationId = "getWorkflow",
      summary = "Show a workflow, now or as of a version or time")
  @APIResponse(
      responseCode = "200",
      description = "The workflow",
      content = @Content(schema = @Schema(implementation = WorkflowView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "WorkflowNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public WorkflowView get(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "workflowId") @PathParam("workflowId") String id,
      @Parameter(
              description =
                  "Its state after this version (1 or more; the current state when the workflow"
                      + " is not that long), or with the events recorded at or before this RFC"
                      + " 3339 time",
              schema = @Schema(type = SchemaType.STRING, examples = "3"))
          @QueryParam("asOf")
          String asOf) {
    TenantId tenantId = new TenantId(tenant);
    String workflow = WorkflowRequestParser.id(id);
    Optional<Workflow> found;
    if (asOf == null) {
      found = aggregates.load(tenantId, WorkflowType.INSTANCE, workflow);
    } else if (WorkflowRequestParser.asOf(asOf) instanceof AsOf.Version v) {
      found = aggregates.loadAtVersion(tenantId, WorkflowType.INSTANCE, workflow, v.version());
    } else {
      AsOf.Time t = (AsOf.Time) WorkflowRequestParser.asOf(asOf);
      found = aggregates.loadAsOf(tenantId, WorkflowType.INSTANCE, workflow, t.time());
    }
    return WorkflowView.from(
        found.orElseThrow(() -> new AggregateNotFoundException(WorkflowType.CATEGORY, workflow)));
  }

  private WorkflowView execute(String tenant, String id, Command<Workflow> command) {
    TenantId tenantId = new TenantId(tenant);
    String workflow = WorkflowRequestParser.id(id);
    return WorkflowView.from(
        aggregates.execute(tenantId, WorkflowType.INSTANCE, workflow, command).aggregate());
  }

  private Command<Workflow> command(
      String name, Consumer<Workflow> decision, String key, String ifMatch) {
    AppendContext context =
        new AppendContext(
            (String) request.getAttribute(CorrelationFilter.ATTRIBUTE),
            null,
            security.getUserPrincipal().getName());
    return new Command<>(name, decision, key, WorkflowRequestParser.ifMatch(ifMatch), context);
  }

  private JsonObject read(InputStream body) {
    return JsonBody.readObject(body, limits.maxAppendBytes());
  }
}
