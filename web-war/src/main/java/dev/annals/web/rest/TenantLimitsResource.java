package dev.annals.web.rest;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantLimits;
import dev.annals.tenancy.api.TenantRates;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A tenant's request rate: shown to whoever may see the tenant, set by platform admins. */
@Path("tenants/{tenant}/limits")
@RequestScoped
@Tag(name = "Tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantLimitsResource {

  private static final int MAX_BODY = 1024;
  private static final String TENANT = "requestsPerSecond";
  private static final String PRINCIPAL = "principalRequestsPerSecond";
  private static final Set<String> FIELDS = Set.of(TENANT, PRINCIPAL);

  @EJB TenantLimits limits;

  @Inject TenantRateCache cache;

  @GET
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Operation(operationId = "getTenantLimits", summary = "Show a tenant's request rates")
  @APIResponse(
      responseCode = "200",
      description = "The tenant's rate",
      content = @Content(schema = @Schema(implementation = TenantLimitsView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public TenantLimitsView get(@Parameter(ref = "tenant") @PathParam("tenant") String tenant) {
    return view(limits.rates(new TenantId(tenant)));
  }

  @PUT
  @Allowed(Role.PLATFORM_ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setTenantLimits",
      summary = "Set a tenant's request rates (null: the server's default)",
      description =
          "Applies on this node at once and on every other node within 5 seconds. Requests over"
              + " the rate answer 429 with Retry-After.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantLimitsRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The tenant's rate, as changed",
      content = @Content(schema = @Schema(implementation = TenantLimitsView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public TenantLimitsView set(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant, InputStream body) {
    TenantId id = new TenantId(tenant);
    TenantRates rates = parse(JsonBody.readObject(body, MAX_BODY));
    limits.setRates(id, rates);
    cache.reload();
    return view(rates);
  }

  /** Both rates, each a whole number or null; nothing else. */
  static TenantRates parse(JsonObject json) {
    for (String field : json.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new InvalidRequestException("Unknown field '" + field + "'");
      }
    }
    return new TenantRates(rate(json, TENANT), rate(json, PRINCIPAL));
  }

  private static Integer rate(JsonObject json, String field) {
    if (!json.containsKey(field)) {
      throw new InvalidRequestException("'" + field + "' is required (a whole number, or null)");
    }
    JsonValue v = json.get(field);
    if (v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      throw new InvalidRequestException("'" + field + "' must be a whole number, or null");
    }
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidRequestException(
          "'" + field + "' must be between 1 and " + TenantRates.MAX + ", was " + n);
    }
  }

  private TenantLimitsView view(TenantRates configured) {
    return new TenantLimitsView(
        configured.requestsPerSecond(),
        configured.principalRequestsPerSecond(),
        cache.tenantRate(configured),
        cache.principalRate(configured));
  }
}
