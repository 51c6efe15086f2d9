package dev.annals.web.rest;

import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantPage;
import dev.annals.tenancy.api.TenantStats;
import dev.annals.tenancy.api.Tenants;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tenants: create, list, show, suspend, resume, delete. Every change is idempotent: repeating it
 * answers the tenant as it is now.
 */
@Path("tenants")
@RequestScoped
@Tag(name = "Tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

  private static final int MAX_BODY = 16 * 1024;
  private static final Set<String> CREATE_FIELDS = Set.of("id", "name", "isolation", "database");
  private static final Set<String> SERVER_FIELDS = Set.of("host", "port");
  private static final Set<String> MOVE_FIELDS = Set.of("isolation", "database");

  @EJB Tenants tenants;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a tenant",
      description =
          "Body: {\"id\", \"name\", \"isolation\": \"shared\" (default) | \"schema\" |"
              + " \"database\", \"database\": {\"host\", \"port\"} (isolation database only:"
              + " another PostgreSQL server)}. Answers once the tenant's storage is ready.")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "400", description = "Malformed body, invalid id, name or server")
  @APIResponse(responseCode = "409", description = "A tenant with this id exists (or existed)")
  @APIResponse(responseCode = "415", description = "Body is not application/json")
  public Response create(InputStream body) {
    JsonObject json = JsonBody.readObject(body, MAX_BODY);
    unknownFields(json, CREATE_FIELDS, "");
    TenantId id = new TenantId(string(json, "id", null));
    String name = string(json, "name", null);
    Isolation isolation = Isolation.parse(string(json, "isolation", "shared"));
    Optional<DatabaseServer> server = server(json.get("database"));
    TenantView created = TenantView.from(tenants.create(id, name, isolation, server), null);
    return Response.created(
            UriBuilder.fromResource(TenantResource.class).path(created.id()).build())
        .entity(created)
        .build();
  }

  @GET
  @Operation(summary = "List tenants, in id order, a page at a time")
  @APIResponse(responseCode = "200", description = "A page: {tenants, next}")
  @APIResponse(responseCode = "400", description = "Invalid 'after' or 'limit'")
  public TenantListView list(@QueryParam("after") String after, @QueryParam("limit") String limit) {
    Optional<TenantId> from =
        after == null || after.isEmpty() ? Optional.empty() : Optional.of(new TenantId(after));
    TenantPage page = tenants.list(from, QueryParams.limit(limit, 1000));
    return new TenantListView(
        page.tenants().stream().map(t -> TenantView.from(t, null)).toList(),
        page.next().map(TenantId::value).orElse(null));
  }

  @GET
  @Path("{tenant}")
  @Operation(summary = "Show a tenant: isolation, state, stream and event counts")
  @APIResponse(responseCode = "200", description = "The tenant")
  @APIResponse(responseCode = "400", description = "Invalid tenant id")
  @APIResponse(responseCode = "404", description = "No such tenant")
  @APIResponse(responseCode = "410", description = "Deleted; data retained until purgeAfter")
  public TenantView get(@PathParam("tenant") String tenant) {
    TenantId id = new TenantId(tenant);
    Tenant t = Tenants.live(id, tenants.find(id));
    TenantStats stats = tenants.stats(id);
    return TenantView.from(t, stats, tenants.lastMove(id).orElse(null));
  }

  @POST
  @Path("{tenant}/suspend")
  @Operation(summary = "Suspend a tenant: its writes are refused (423) until resumed; reads work")
  @APIResponse(responseCode = "200", description = "The tenant, suspended")
  @APIResponse(responseCode = "404", description = "No such tenant")
  @APIResponse(responseCode = "410", description = "Deleted")
  public TenantView suspend(@PathParam("tenant") String tenant) {
    return TenantView.from(tenants.suspend(new TenantId(tenant)), null);
  }

  @POST
  @Path("{tenant}/resume")
  @Operation(summary = "Resume a suspended tenant")
  @APIResponse(responseCode = "200", description = "The tenant, active")
  @APIResponse(responseCode = "404", description = "No such tenant")
  @APIResponse(responseCode = "410", description = "Deleted")
  public TenantView resume(@PathParam("tenant") String tenant) {
    return TenantView.from(tenants.resume(new TenantId(tenant)), null);
  }

  @POST
  @Path("{tenant}/move")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Move a tenant to another isolation mode while it keeps serving",
      description =
          "Body: {\"isolation\", \"database\"?: {\"host\", \"port\"}}. Answers 202 at once;"
              + " GET the tenant for progress (\"move\"). Writes during the short fence wait or get"
              + " a 503 with Retry-After; no event is lost, duplicated or reordered, and"
              + " checkpoints stay valid. A failed move leaves the tenant where it was.")
  @APIResponse(responseCode = "202", description = "Moving")
  @APIResponse(responseCode = "400", description = "Malformed body or target")
  @APIResponse(responseCode = "404", description = "No such tenant")
  @APIResponse(
      responseCode = "409",
      description = "Already there, moving elsewhere, or not movable")
  @APIResponse(responseCode = "410", description = "Deleted")
  public Response move(@PathParam("tenant") String tenant, InputStream body) {
    TenantId id = new TenantId(tenant);
    JsonObject json = JsonBody.readObject(body, MAX_BODY);
    unknownFields(json, MOVE_FIELDS, "");
    Isolation to = Isolation.parse(string(json, "isolation", null));
    Tenant moving = tenants.move(id, to, server(json.get("database")));
    return Response.accepted(TenantView.from(moving, null, tenants.lastMove(id).orElse(null)))
        .location(UriBuilder.fromResource(TenantResource.class).path(id.value()).build())
        .build();
  }

  @DELETE
  @Path("{tenant}")
  @Operation(
      summary = "Delete a tenant",
      description =
          "Writes are refused at once; the data is kept retainDays days (default 30; 0 purges"
              + " now), during which the tenant answers 410, then 404. The id is never reused."
              + " Deleting again may shorten the retention (counted from the first deletion),"
              + " never lengthen it; 0 purges now.")
  @APIResponse(responseCode = "200", description = "The tenant, deleted")
  @APIResponse(responseCode = "400", description = "Invalid id or retainDays")
  @APIResponse(responseCode = "404", description = "No such tenant")
  public TenantView delete(
      @PathParam("tenant") String tenant, @QueryParam("retainDays") String retainDays) {
    int days = (int) QueryParams.longAtLeast(retainDays, "retainDays", 0, 30);
    return TenantView.from(tenants.delete(new TenantId(tenant), days), null);
  }

  private static Optional<DatabaseServer> server(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject o)) {
      throw new InvalidRequestException("'database' must be an object {\"host\", \"port\"}");
    }
    unknownFields(o, SERVER_FIELDS, "database.");
    String host = string(o, "host", null);
    if (!(o.get("port") instanceof JsonNumber port) || !port.isIntegral()) {
      throw new InvalidRequestException("'database.port' is required and must be a whole number");
    }
    int p = port.bigIntegerValue().bitLength() > 31 ? -1 : port.intValue();
    return Optional.of(new DatabaseServer(host, p));
  }

  private static String string(JsonObject json, String field, String defaultValue) {
    JsonValue v = json.get(field);
    if (v == null || v == JsonValue.NULL) {
      if (defaultValue != null) {
        return defaultValue;
      }
      throw new InvalidRequestException("'" + field + "' is required and must be a string");
    }
    if (!(v instanceof JsonString s)) {
      throw new InvalidRequestException("'" + field + "' must be a string");
    }
    return s.getString();
  }

  private static void unknownFields(JsonObject json, Set<String> known, String prefix) {
    for (String key : json.keySet()) {
      if (!known.contains(key)) {
        throw new InvalidRequestException(
            "Unknown field '"
                + prefix
                + (key.length() > 64 ? key.substring(0, 64) + "…" : key)
                + "'; allowed: "
                + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }
}
