package dev.annals.web.rest;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Quota;
import dev.annals.tenancy.api.QuotaSettings;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantLimits;
import dev.annals.tenancy.api.TenantRates;
import dev.annals.tenancy.api.Tenants;
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
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's request rates and quotas, with its usage: shown to its admins, set by platform admins.
 */
@Path("tenants/{tenant}/limits")
@RequestScoped
@Tag(name = "Tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantLimitsResource {

  private static final int MAX_BODY = 1024;
  private static final String TENANT = "requestsPerSecond";
  private static final String PRINCIPAL = "principalRequestsPerSecond";
  private static final String QUOTAS = "quotas";
  private static final Set<String> FIELDS = Set.of(TENANT, PRINCIPAL, QUOTAS);

  @EJB TenantLimits limits;

  @EJB Tenants tenants;

  @Inject TenantRateCache cache;

  @GET
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Operation(
      operationId = "getTenantLimits",
      summary = "Show a tenant's request rates and quotas, and its usage")
  @APIResponse(
      responseCode = "200",
      description = "The tenant's rates, quotas and usage",
      content = @Content(schema = @Schema(implementation = TenantLimitsView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public TenantLimitsView get(@Parameter(ref = "tenant") @PathParam("tenant") String tenant) {
    TenantId id = new TenantId(tenant);
    return view(id, limits.rates(id), limits.quotas(id));
  }

  @PUT
  @Allowed(Role.PLATFORM_ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setTenantLimits",
      summary = "Set a tenant's request rates and quotas (null: the server's default)",
      description =
          "Applies on this node at once and on every other node within 5 seconds. Requests over"
              + " the rate answer 429 with Retry-After; whatever would exceed a quota answers 403"
              + " quota-exceeded and changes nothing. Without 'quotas' the quotas stay as they"
              + " are. A quota below the usage refuses only what would add to it.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TenantLimitsRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The tenant's rates and quotas, as changed, and its usage",
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
    JsonObject json = JsonBody.readObject(body, MAX_BODY);
    TenantRates rates = parse(json);
    QuotaSettings quotas = json.containsKey(QUOTAS) ? quotas(json) : limits.quotas(id);
    limits.set(id, rates, quotas);
    cache.reload();
    return view(id, rates, quotas);
  }

  /** Both rates, each a whole number or null; the optional quotas (see {@link #quotas}). */
  static TenantRates parse(JsonObject json) {
    requireKnown(json, FIELDS, "");
    return new TenantRates(rate(json, TENANT), rate(json, PRINCIPAL));
  }

  /** The {@code quotas} object: every quota, each a whole number of 0 or more, or null. */
  static QuotaSettings quotas(JsonObject json) {
    if (!(json.get(QUOTAS) instanceof JsonObject q)) {
      throw new InvalidRequestException(
          "'quotas' must be an object with maxStreams, maxStorageBytes and maxSubscriptions");
    }
    Set<String> names = new HashSet<>();
    for (Quota quota : Quota.values()) {
      names.add(quota.wireName());
    }
    requireKnown(q, names, "quotas.");
    return new QuotaSettings(
        quota(q, Quota.STREAMS), quota(q, Quota.STORAGE_BYTES), quota(q, Quota.SUBSCRIPTIONS));
  }

  private static void requireKnown(JsonObject json, Set<String> known, String prefix) {
    for (String field : json.keySet()) {
      if (!known.contains(field)) {
        throw new InvalidRequestException("Unknown field '" + prefix + field + "'");
      }
    }
  }

  private static Long quota(JsonObject quotas, Quota quota) {
    String field = "quotas." + quota.wireName();
    JsonNumber n = number(quotas, quota.wireName(), field);
    if (n == null) {
      return null;
    }
    try {
      long value = n.longValueExact();
      if (value < 0) {
        throw new ArithmeticException();
      }
      return value;
    } catch (ArithmeticException e) {
      throw new InvalidRequestException(
          "'" + field + "' must be 0 (unlimited) or more, or null for the default, was " + n);
    }
  }

  /** The member as a whole number, or null when it is JSON null; required. */
  private static JsonNumber number(JsonObject json, String member, String field) {
    if (!json.containsKey(member)) {
      throw new InvalidRequestException("'" + field + "' is required (a whole number, or null)");
    }
    JsonValue v = json.get(member);
    if (v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      throw new InvalidRequestException("'" + field + "' must be a whole number, or null");
    }
    return n;
  }

  private static Integer rate(JsonObject json, String field) {
    JsonNumber n = number(json, field, field);
    if (n == null) {
      return null;
    }
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      throw new InvalidRequestException(
          "'" + field + "' must be between 1 and " + TenantRates.MAX + ", was " + n);
    }
  }

  private TenantLimitsView view(TenantId id, TenantRates configured, QuotaSettings quotas) {
    return new TenantLimitsView(
        configured.requestsPerSecond(),
        configured.principalRequestsPerSecond(),
        cache.tenantRate(configured),
        cache.principalRate(configured),
        TenantLimitsView.QuotasView.from(quotas, quotas.resolve(limits.defaultQuotas())),
        TenantLimitsView.UsageView.from(tenants.stats(id)));
  }
}
