package dev.annals.web.rest;

import dev.annals.tenancy.api.DatabaseServers;
import dev.annals.tenancy.api.ResourceNotFoundException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The PostgreSQL servers database-mode tenants may live on. Tenants name one ({@code "database":
 * {"server": …}}); no request ever gives Annals a host, port or credentials to connect to.
 */
@Path("database-servers")
@RequestScoped
@Tag(
    name = "Database servers",
    description =
        "PostgreSQL servers registered for database-mode tenants, with credentials references and"
            + " quotas")
@Produces(MediaType.APPLICATION_JSON)
public class DatabaseServerResource {

  private static final int MAX_BODY = 4 * 1024;

  @EJB DatabaseServers servers;

  @POST
  @Allowed(value = Role.PLATFORM_ADMIN, tenantInPath = false)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "registerDatabaseServer",
      summary = "Register a database server",
      description =
          "Connects to nothing: its credentials reference is only looked up (the answer says"
              + " whether it resolves; the reference and the secret are never shown).")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = DatabaseServerRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "Registered",
      content = @Content(schema = @Schema(implementation = DatabaseServerView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(
      responseCode = "409",
      description = "A server with this name is registered already",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public Response register(InputStream body) {
    DatabaseServerView created =
        DatabaseServerView.from(
            servers.register(
                DatabaseServerRequestParser.parse(JsonBody.readObject(body, MAX_BODY))));
    return Response.created(
            UriBuilder.fromResource(DatabaseServerResource.class).path(created.name()).build())
        .entity(created)
        .build();
  }

  @GET
  @Allowed(value = Role.PLATFORM_ADMIN, tenantInPath = false)
  @Operation(operationId = "listDatabaseServers", summary = "List the registered database servers")
  @APIResponse(
      responseCode = "200",
      description = "Every registered server, by name",
      content = @Content(schema = @Schema(implementation = DatabaseServerListView.class)))
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public DatabaseServerListView list() {
    return new DatabaseServerListView(
        servers.list().stream().map(DatabaseServerView::from).toList());
  }

  @GET
  @Allowed(value = Role.PLATFORM_ADMIN, tenantInPath = false)
  @Path("{server}")
  @Operation(
      operationId = "getDatabaseServer",
      summary = "Show a registered database server and how many tenants it holds")
  @APIResponse(
      responseCode = "200",
      description = "The server",
      content = @Content(schema = @Schema(implementation = DatabaseServerView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "DatabaseServerNotFound")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public DatabaseServerView get(@Parameter(ref = "server") @PathParam("server") String server) {
    return servers
        .find(server)
        .map(DatabaseServerView::from)
        .orElseThrow(
            () -> new ResourceNotFoundException("No database server is registered as " + server));
  }

  @DELETE
  @Allowed(value = Role.PLATFORM_ADMIN, tenantInPath = false)
  @Path("{server}")
  @Operation(
      operationId = "removeDatabaseServer",
      summary = "Remove a registered database server that holds no tenant")
  @APIResponse(
      responseCode = "200",
      description = "Removed: the server as it was registered",
      content = @Content(schema = @Schema(implementation = DatabaseServerView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "DatabaseServerNotFound")
  @APIResponse(
      responseCode = "409",
      description = "Tenants (not yet purged) or a move still use it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public DatabaseServerView remove(@Parameter(ref = "server") @PathParam("server") String server) {
    return DatabaseServerView.from(servers.remove(server));
  }
}
