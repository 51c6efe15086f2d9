package dev.annals.web.rest.upcast;

import dev.annals.eventstore.api.EventType;
import dev.annals.eventstore.api.upcast.Upcasters;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import dev.annals.web.rest.JsonBody;
import dev.annals.web.rest.QueryParams;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's declarative upcasters: a tenant admin (or platform admin) puts and deletes them, each
 * change audited; readers may list them.
 */
@Path("tenants/{tenant}/upcasters")
@RequestScoped
@Tag(
    name = "Upcasters",
    description =
        "Declarative upcasters: operations that lift stored payloads of an event type from one"
            + " schema version to the next whenever they are read; stored events never change")
@Produces(MediaType.APPLICATION_JSON)
public class UpcasterResource {

  private static final int MAX_BODY = 64 * 1024;

  @EJB Upcasters upcasters;

  @PUT
  @Path("{eventType}/{fromVersion}")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "putUpcaster",
      summary = "Store (or replace) the upcaster of an event type from a schema version",
      description =
          "Reads of this tenant's events of eventType at schema version fromVersion return them"
              + " lifted to fromVersion + 1 (and on through the next upcaster, if any). Applies"
              + " on this node at once, on other nodes within annals.upcasters.cache-ttl-ms.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = UpcasterRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "Stored",
      content = @Content(schema = @Schema(implementation = UpcasterView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Malformed body, an operation that is unknown or invalid (named in the detail), a bad"
              + " event type or fromVersion",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public UpcasterView put(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "eventType") @PathParam("eventType") String eventType,
      @Parameter(ref = "fromVersion") @PathParam("fromVersion") String fromVersion,
      InputStream body) {
    TenantId id = new TenantId(tenant);
    EventType type = new EventType(eventType);
    int version = version(fromVersion);
    JsonObject request = JsonBody.readObject(body, MAX_BODY);
    for (String key : request.keySet()) {
      if (!key.equals("operations")) {
        throw new InvalidRequestException("Unknown field '" + key + "': only 'operations'");
      }
    }
    if (!(request.get("operations") instanceof JsonArray operations)) {
      throw new InvalidRequestException("'operations' is required and must be an array");
    }
    return UpcasterView.from(upcasters.put(id, type, version, operations));
  }

  @GET
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @Operation(operationId = "listUpcasters", summary = "List the tenant's declarative upcasters")
  @APIResponse(
      responseCode = "200",
      description = "Every upcaster, by event type and version",
      content = @Content(schema = @Schema(implementation = UpcasterListView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public UpcasterListView list(@Parameter(ref = "tenant") @PathParam("tenant") String tenant) {
    return new UpcasterListView(
        upcasters.list(new TenantId(tenant)).stream().map(UpcasterView::from).toList());
  }

  @DELETE
  @Path("{eventType}/{fromVersion}")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Operation(operationId = "deleteUpcaster", summary = "Delete one declarative upcaster")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(
      responseCode = "404",
      description = "No such tenant, or no upcaster for this type and version",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public Response delete(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "eventType") @PathParam("eventType") String eventType,
      @Parameter(ref = "fromVersion") @PathParam("fromVersion") String fromVersion) {
    upcasters.delete(new TenantId(tenant), new EventType(eventType), version(fromVersion));
    return Response.noContent().build();
  }

  private static int version(String raw) {
    long v = QueryParams.longAtLeast(raw, "fromVersion", 1, 1);
    if (v > Integer.MAX_VALUE) {
      throw new InvalidRequestException("'fromVersion' must be at most 1000000, was " + raw);
    }
    return (int) v;
  }
}
