package dev.annals.web.rest;

import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.TenantFilter;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantPage;
import dev.annals.tenancy.api.TenantState;
import dev.annals.tenancy.api.Tenants;
import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenants: create one, list them a page at a time ({@link TenantResource} handles one tenant).
 * Both classes share the OpenAPI tag. Creating again with the same id is refused (409): ids are
 * never reused.
 */
@Path("tenants")
@RequestScoped
@Tag(
    name = "Tenants",
    description =
        "Tenants: create, list, show, suspend, resume, move between isolation modes, delete")
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

  @EJB Tenants tenants;

  @Allowed(value = Role.PLATFORM_ADMIN, tenantInPath = false)
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createTenant",
      summary = "Create a tenant",
      description =
          "Answers once the tenant's storage is ready. 'database' (isolation database only) names"
              + " a registered database server (default: the platform's own); each server holds at"
              + " most its quota of database-mode tenants.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = TenantCreateRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = TenantView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Malformed body, invalid id or name, a server that is not registered (or given by"
              + " host/port), or a server that cannot be connected to",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "403", ref = "QuotaExceeded")
  @APIResponse(
      responseCode = "409",
      description = "A tenant with this id exists (or existed)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public Response create(InputStream body) {
    TenantRequestParser.ParsedCreate c =
        TenantRequestParser.create(JsonBody.readObject(body, TenantResource.MAX_BODY));
    TenantView created =
        TenantView.from(tenants.create(c.id(), c.name(), c.isolation(), c.server()), null);
    return Response.created(
            UriBuilder.fromResource(TenantsResource.class).path(created.id()).build())
        .entity(created)
        .build();
  }

  @Allowed(value = Role.PLATFORM_ADMIN, tenantInPath = false)
  @GET
  @Operation(operationId = "listTenants", summary = "List tenants, in id order, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page: {tenants, next}",
      content = @Content(schema = @Schema(implementation = TenantListView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid 'after', 'limit', 'state' or 'isolation'",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public TenantListView list(
      @Parameter(description = "The 'next' of the previous page; absent for the first page")
          @QueryParam("after")
          String after,
      @Parameter(
              description = "Tenants per page",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "100"))
          @QueryParam("limit")
          String limit,
      @Parameter(description = "Only tenants in this state", schema = @Schema(ref = "TenantState"))
          @QueryParam("state")
          String state,
      @Parameter(
              description = "Only tenants in this isolation mode",
              schema = @Schema(ref = "Isolation"))
          @QueryParam("isolation")
          String isolation) {
    Optional<TenantId> from =
        after == null || after.isEmpty() ? Optional.empty() : Optional.of(new TenantId(after));
    TenantFilter filter =
        new TenantFilter(
            QueryParams.choice(
                state,
                "state",
                Stream.of(TenantState.values())
                    .filter(v -> v != TenantState.CREATING)
                    .map(TenantState::wireName)
                    .toList(),
                TenantState::parse),
            QueryParams.choice(
                isolation,
                "isolation",
                Stream.of(Isolation.values()).map(Isolation::wireName).toList(),
                Isolation::parse));
    TenantPage page = tenants.list(from, QueryParams.limit(limit, 1000), filter);
    return new TenantListView(
        page.tenants().stream().map(t -> TenantView.from(t, null)).toList(),
        page.next().map(TenantId::value).orElse(null));
  }
}
