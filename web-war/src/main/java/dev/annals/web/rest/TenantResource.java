package dev.annals.web.rest;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantNotFoundException;
import dev.annals.tenancy.api.Tenants;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tenants: create one, look one up. */
@Path("tenants")
@RequestScoped
@Tag(name = "Tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

  private static final int MAX_BODY = 16 * 1024;

  @EJB Tenants tenants;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a tenant (shared isolation mode)")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "400", description = "Malformed body, invalid id or name")
  @APIResponse(responseCode = "409", description = "A tenant with this id exists already")
  @APIResponse(responseCode = "415", description = "Body is not application/json")
  public Response create(InputStream body) {
    JsonObject json = JsonBody.readObject(body, MAX_BODY);
    if (!(json.get("id") instanceof JsonString id)) {
      throw new InvalidRequestException("'id' is required and must be a string");
    }
    if (!(json.get("name") instanceof JsonString name)) {
      throw new InvalidRequestException("'name' is required and must be a string");
    }
    TenantView created =
        TenantView.from(tenants.create(new TenantId(id.getString()), name.getString()));
    return Response.created(
            UriBuilder.fromResource(TenantResource.class).path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("{tenant}")
  @Operation(summary = "Show a tenant")
  @APIResponse(responseCode = "200", description = "The tenant")
  @APIResponse(responseCode = "400", description = "Invalid tenant id")
  @APIResponse(responseCode = "404", description = "No such tenant")
  public TenantView get(@PathParam("tenant") String tenant) {
    TenantId id = new TenantId(tenant);
    return tenants
        .find(id)
        .map(TenantView::from)
        .orElseThrow(() -> new TenantNotFoundException(id));
  }
}
