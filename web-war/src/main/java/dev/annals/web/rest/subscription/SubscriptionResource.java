package dev.annals.web.rest.subscription;

import dev.annals.dlq.api.BreakerStatus;
import dev.annals.dlq.api.ConsumerLetterCounts;
import dev.annals.dlq.api.DeadLetters;
import dev.annals.eventstore.api.subscription.CreatedSubscription;
import dev.annals.eventstore.api.subscription.SubscriptionName;
import dev.annals.eventstore.api.subscription.Subscriptions;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's subscriptions. Changing them is a tenant admin's (or platform admin's) job, and each
 * change is audited; readers may look at them (never at a webhook's secret).
 */
@Path("tenants/{tenant}/subscriptions")
@RequestScoped
@Tag(
    name = "Subscriptions",
    description =
        "Named readers of a tenant's $all with a server-held checkpoint: delivered at least once,"
            + " in $all order, to an in-process handler or a signed webhook")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

  private static final int MAX_BODY = 16 * 1024;

  @EJB Subscriptions subscriptions;

  @EJB DeadLetters deadLetters;

  @POST
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createSubscription",
      summary = "Create a subscription",
      description =
          "It starts on some node within seconds. A webhook receives POSTs of {\"subscription\","
              + " \"events\": [...], \"checkpoint\"} signed 'Annals-Signature: sha256=<hex"
              + " HMAC-SHA256 of the raw body>' with the secret returned here, once.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = SubscriptionCreateRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created; for a webhook with its secret (shown only here)",
      content = @Content(schema = @Schema(implementation = SubscriptionCreatedView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Malformed body, invalid name or filter, an unknown handler, a URL that is not http(s)"
              + " or points at this server, or a start checkpoint that is no event of the tenant",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(
      responseCode = "409",
      description = "The tenant has a subscription of this name",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public Response create(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant, InputStream body) {
    TenantId id = new TenantId(tenant);
    SubscriptionRequestParser.ParsedCreate c =
        SubscriptionRequestParser.create(JsonBody.readObject(body, MAX_BODY));
    CreatedSubscription created =
        subscriptions.create(id, c.name(), c.filter(), c.start(), c.target());
    return Response.created(
            UriBuilder.fromResource(SubscriptionResource.class)
                .path(c.name().value())
                .build(tenant))
        .entity(
            new SubscriptionCreatedView(
                SubscriptionView.from(created.subscription()), created.secret().orElse(null)))
        .build();
  }

  @GET
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @Operation(operationId = "listSubscriptions", summary = "List the tenant's subscriptions")
  @APIResponse(
      responseCode = "200",
      description = "Every subscription, by name",
      content = @Content(schema = @Schema(implementation = SubscriptionListView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SubscriptionListView list(@Parameter(ref = "tenant") @PathParam("tenant") String tenant) {
    TenantId id = new TenantId(tenant);
    Map<String, BreakerStatus> breakers = subscriptions.breakers(id);
    Map<String, BreakerStatus> hosts = subscriptions.hostBreakers(id);
    Map<String, Long> retrying = retrying(id);
    return new SubscriptionListView(
        subscriptions.list(id).stream()
            .map(
                s ->
                    SubscriptionView.from(
                        s,
                        breakers.getOrDefault(s.name().value(), BreakerStatus.CLOSED),
                        hosts,
                        retrying.getOrDefault(s.name().value(), 0L)))
            .toList());
  }

  @GET
  @Path("{subscription}")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.READER})
  @Operation(
      operationId = "getSubscription",
      summary = "Show a subscription: state, checkpoint, lag, last error, node, rate")
  @APIResponse(
      responseCode = "200",
      description = "The subscription",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "SubscriptionNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SubscriptionView get(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "subscription") @PathParam("subscription") String name) {
    TenantId id = new TenantId(tenant);
    return SubscriptionView.from(
        subscriptions.get(id, new SubscriptionName(name)),
        subscriptions.breakers(id).getOrDefault(name, BreakerStatus.CLOSED),
        subscriptions.hostBreakers(id),
        retrying(id).getOrDefault(name, 0L));
  }

  /** The subscriptions' retrying letters, by name (those with none are left out). */
  private Map<String, Long> retrying(TenantId tenant) {
    Map<String, Long> out = new java.util.HashMap<>();
    for (ConsumerLetterCounts c : deadLetters.counts(tenant)) {
      if (c.consumerKind().equals(Subscriptions.LETTER_KIND) && c.retrying() > 0) {
        out.put(c.consumer(), c.retrying());
      }
    }
    return out;
  }

  @POST
  @Path("{subscription}/pause")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Operation(
      operationId = "pauseSubscription",
      summary = "Pause a subscription after the batch in flight (idempotent)")
  @APIResponse(
      responseCode = "200",
      description = "The subscription, paused",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "SubscriptionNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SubscriptionView pause(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "subscription") @PathParam("subscription") String name) {
    return SubscriptionView.from(
        subscriptions.pause(new TenantId(tenant), new SubscriptionName(name)));
  }

  @POST
  @Path("{subscription}/resume")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Operation(
      operationId = "resumeSubscription",
      summary = "Resume a paused or stopped subscription at its checkpoint (idempotent)")
  @APIResponse(
      responseCode = "200",
      description = "The subscription, running",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "SubscriptionNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SubscriptionView resume(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "subscription") @PathParam("subscription") String name) {
    return SubscriptionView.from(
        subscriptions.resume(new TenantId(tenant), new SubscriptionName(name)));
  }

  @POST
  @Path("{subscription}/reset")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "resetSubscription",
      summary = "Move a subscription's checkpoint: to the beginning, to now, or to a checkpoint")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = SubscriptionResetRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The subscription, at its new checkpoint",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed body, or a checkpoint that is no event of the tenant",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "404", ref = "SubscriptionNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SubscriptionView reset(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "subscription") @PathParam("subscription") String name,
      InputStream body) {
    TenantId id = new TenantId(tenant);
    SubscriptionName subscription = new SubscriptionName(name);
    return SubscriptionView.from(
        subscriptions.reset(
            id,
            subscription,
            SubscriptionRequestParser.reset(JsonBody.readObject(body, MAX_BODY))));
  }

  @DELETE
  @Path("{subscription}")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Operation(operationId = "deleteSubscription", summary = "Delete a subscription")
  @APIResponse(
      responseCode = "200",
      description = "Deleted: the subscription as it was",
      content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "SubscriptionNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public SubscriptionView delete(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "subscription") @PathParam("subscription") String name) {
    return SubscriptionView.from(
        subscriptions.delete(new TenantId(tenant), new SubscriptionName(name)));
  }

  @PUT
  @Path("{subscription}/policy")
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setSubscriptionPolicy",
      summary = "Set a subscription's retry and circuit-breaker policy",
      description =
          "Failed deliveries are retried after initialBackoffMs, doubled each time up to"
              + " maxBackoffMs (with jitter); after maxAttempts the event goes to the dead-letter"
              + " queue and its stream's later events park behind it. The breaker pauses the"
              + " subscription when failureRatio of the last window attempts failed, for delayMs,"
              + " then probes. Without a policy of its own a subscription uses the server's"
              + " defaults (annals.failures.*).")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = ConsumerPolicyView.class)))
  @APIResponse(
      responseCode = "200",
      description = "The policy, as set",
      content = @Content(schema = @Schema(implementation = ConsumerPolicyView.class)))
  @APIResponse(
      responseCode = "400",
      description = "A missing or out-of-range field, or a malformed body",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "404", ref = "SubscriptionNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public ConsumerPolicyView setPolicy(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "subscription") @PathParam("subscription") String name,
      InputStream body) {
    TenantId id = new TenantId(tenant);
    SubscriptionName subscription = new SubscriptionName(name);
    return ConsumerPolicyView.from(
        subscriptions.setPolicy(
            id, subscription, ConsumerPolicyView.parse(JsonBody.readObject(body, MAX_BODY))));
  }
}
