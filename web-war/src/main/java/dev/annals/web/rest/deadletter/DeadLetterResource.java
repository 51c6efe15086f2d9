package dev.annals.web.rest.deadletter;

import dev.annals.dlq.api.DeadLetterPage;
import dev.annals.dlq.api.DeadLetterQuery;
import dev.annals.dlq.api.DeadLetters;
import dev.annals.dlq.api.LetterState;
import dev.annals.tenancy.api.TenantId;
import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import dev.annals.web.rest.JsonBody;
import dev.annals.web.rest.QueryParams;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A tenant's dead letters: events a consumer gave up on after its retries, and the events parked
 * behind them. Tenant admins (and platform admins) list, inspect, redrive and discard them; every
 * redrive and discard is audited in the tenant's chain.
 */
@Path("tenants/{tenant}/dead-letters")
@RequestScoped
@Tag(
    name = "Dead letters",
    description =
        "Events consumers gave up on, sequenced per consumer and stream: redrive or discard them")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

  private static final int MAX_BODY = 8 * 1024;

  @EJB DeadLetters deadLetters;

  @GET
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Operation(
      operationId = "listDeadLetters",
      summary = "List the tenant's dead letters, by id, a page at a time")
  @APIResponse(
      responseCode = "200",
      description = "A page: {deadLetters, next}",
      content = @Content(schema = @Schema(implementation = DeadLetterListView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid 'state', 'after' or 'limit'",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public DeadLetterListView list(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(description = "Only this consumer's (a subscription's name)")
          @QueryParam("consumer")
          String consumer,
      @Parameter(description = "Only this stream's") @QueryParam("stream") String stream,
      @Parameter(
              description = "Only letters in this state",
              schema = @Schema(ref = "DeadLetterState"))
          @QueryParam("state")
          String state,
      @Parameter(
              description = "The 'next' of the previous page; absent for the first page",
              schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
          @QueryParam("after")
          String after,
      @Parameter(
              description = "Letters per page",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      format = "int32",
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "100"))
          @QueryParam("limit")
          String limit) {
    DeadLetterQuery query =
        new DeadLetterQuery(
            nonEmpty(consumer),
            nonEmpty(stream),
            nonEmpty(state).map(LetterState::parse),
            QueryParams.longAtLeast(after, "after", 0, 0),
            QueryParams.limit(limit, DeadLetterQuery.MAX_LIMIT));
    DeadLetterPage page = deadLetters.list(new TenantId(tenant), query);
    return new DeadLetterListView(
        page.letters().stream().map(DeadLetterView::from).toList(), page.next().orElse(null));
  }

  @GET
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Path("counts")
  @Operation(
      operationId = "countDeadLetters",
      summary = "Count the tenant's dead letters per consumer and state")
  @APIResponse(
      responseCode = "200",
      description = "Each consumer with letters, by name",
      content = @Content(schema = @Schema(implementation = DeadLetterCountsView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public DeadLetterCountsView counts(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant) {
    return DeadLetterCountsView.from(deadLetters.counts(new TenantId(tenant)));
  }

  @GET
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Path("{deadLetterId}")
  @Operation(
      operationId = "getDeadLetter",
      summary = "Show a dead letter: its full cause, stack summary and event")
  @APIResponse(
      responseCode = "200",
      description = "The letter",
      content = @Content(schema = @Schema(implementation = DeadLetterDetailView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "DeadLetterNotFound")
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public DeadLetterDetailView get(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "deadLetterId") @PathParam("deadLetterId") String id) {
    return DeadLetterDetailView.from(
        deadLetters.get(new TenantId(tenant), DeadLetterBodies.id(id)));
  }

  @POST
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Path("{deadLetterId}/redrive")
  @Operation(
      operationId = "redriveDeadLetter",
      summary = "Deliver an open letter again, then the letters parked behind it, in stream order",
      description =
          "The event is read again (current upcasters). A letter that fails again stays open with"
              + " one attempt more; the parked letters behind it wait.")
  @APIResponse(
      responseCode = "200",
      description = "What the redrive came to",
      content = @Content(schema = @Schema(implementation = RedriveSummaryView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "DeadLetterNotFound")
  @APIResponse(
      responseCode = "409",
      description =
          "The letter is redriven or discarded already, or parked behind an open one, or its"
              + " consumer no longer exists",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public RedriveSummaryView redrive(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "deadLetterId") @PathParam("deadLetterId") String id) {
    return RedriveSummaryView.from(
        deadLetters.redrive(new TenantId(tenant), DeadLetterBodies.id(id)));
  }

  @POST
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Path("{deadLetterId}/discard")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "discardDeadLetter",
      summary =
          "Give up a letter, with a reason; an open one releases the letters parked behind it")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = DiscardRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "The letter, discarded",
      content = @Content(schema = @Schema(implementation = DeadLetterDetailView.class)))
  @APIResponse(
      responseCode = "400",
      description = "No reason, or a malformed body",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "404", ref = "DeadLetterNotFound")
  @APIResponse(
      responseCode = "409",
      description = "The letter is redriven or discarded already",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public DeadLetterDetailView discard(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant,
      @Parameter(ref = "deadLetterId") @PathParam("deadLetterId") String id,
      InputStream body) {
    long letter = DeadLetterBodies.id(id);
    String reason = DeadLetterBodies.reason(JsonBody.readObject(body, MAX_BODY));
    return DeadLetterDetailView.from(deadLetters.discard(new TenantId(tenant), letter, reason));
  }

  @POST
  @Allowed({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN})
  @Path("redrive")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "redriveDeadLetters",
      summary = "Redrive every open letter of a consumer (of one stream), each stream in order")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = RedriveRequest.class)))
  @APIResponse(
      responseCode = "200",
      description = "What the redrive came to",
      content = @Content(schema = @Schema(implementation = RedriveSummaryView.class)))
  @APIResponse(
      responseCode = "400",
      description = "No consumer, or a malformed body",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "404", ref = "TenantNotFound")
  @APIResponse(
      responseCode = "409",
      description = "The consumer no longer exists",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "410", ref = "TenantDeleted")
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "503", ref = "Unavailable")
  public RedriveSummaryView redriveAll(
      @Parameter(ref = "tenant") @PathParam("tenant") String tenant, InputStream body) {
    DeadLetterBodies.Selection s = DeadLetterBodies.selection(JsonBody.readObject(body, MAX_BODY));
    return RedriveSummaryView.from(
        deadLetters.redriveAll(new TenantId(tenant), s.consumer(), s.stream()));
  }

  private static Optional<String> nonEmpty(String raw) {
    return raw == null || raw.isEmpty() ? Optional.empty() : Optional.of(raw);
  }
}
