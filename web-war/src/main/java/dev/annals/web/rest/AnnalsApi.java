package dev.annals.web.rest;

import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API root: every resource lives under {@code /api}. Also the OpenAPI document's shared parts:
 * the enumerations, the bearer security scheme and the error responses that several operations
 * answer alike.
 */
@ApplicationPath("api")
@SecurityScheme(
    securitySchemeName = AnnalsApi.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "A MicroProfile JWT from the configured issuer: roles in 'groups' (platform-admin,"
            + " tenant-admin, writer, reader), tenant ids in 'tenants' (or \"*\")")
@OpenAPIDefinition(
    security = @SecurityRequirement(name = AnnalsApi.BEARER),
    info =
        @Info(
            title = "Annals",
            version = "0.1.0",
            description =
                "Multi-tenant event store, saga engine and dead-letter system. Every error is an"
                    + " RFC 9457 application/problem+json document (ProblemView). Every operation"
                    + " needs a bearer token (401 without a valid one, 403 without the role); a"
                    + " tenant outside the token's tenants answers 404 like one that does not"
                    + " exist."),
    components =
        @Components(
            schemas = {
              @Schema(
                  name = "Isolation",
                  description = "Where a tenant's data lives",
                  type = SchemaType.STRING,
                  enumeration = {"shared", "schema", "database"}),
              @Schema(
                  name = "TenantState",
                  type = SchemaType.STRING,
                  enumeration = {"active", "suspended", "moving", "deleted"}),
              @Schema(
                  name = "MovePhase",
                  type = SchemaType.STRING,
                  enumeration = {"copying", "fenced", "switched", "done", "failed"}),
              @Schema(
                  name = "SubscriptionState",
                  description =
                      "catching_up / live: running, behind or at the head of $all; paused: by an"
                          + " operator; stopped: by an error retrying cannot cure (see lastError)",
                  type = SchemaType.STRING,
                  enumeration = {"catching_up", "live", "paused", "stopped"}),
              @Schema(
                  name = "DeadLetterState",
                  description =
                      "open: failed past its consumer's retries, heads its stream; retrying:"
                          + " failed, heads its stream and is delivered again at dueAt (open"
                          + " after maxAttempts); parked: waits behind an open or retrying letter"
                          + " of its stream, never delivered; redriven: delivered again, by an"
                          + " operator or a retry; discarded: by an operator",
                  type = SchemaType.STRING,
                  enumeration = {"open", "parked", "retrying", "redriven", "discarded"}),
              @Schema(
                  name = "BreakerState",
                  description =
                      "closed: deliveries flow; open: too many failures, the consumer pauses"
                          + " (nothing is skipped); half_open: one probe decides",
                  type = SchemaType.STRING,
                  enumeration = {"closed", "open", "half_open"}),
              @Schema(
                  name = "Direction",
                  type = SchemaType.STRING,
                  enumeration = {"forward", "backward"}),
              @Schema(
                  name = "SagaState",
                  description =
                      "running: steps run or wait for a retry; compensating: finished steps are"
                          + " undone after a failure, a timeout or a cancel; compensation_failed:"
                          + " a compensation kept failing (retry it); failed: a step failed with"
                          + " nothing to undo (retry it); completed, compensated, cancelled: final",
                  type = SchemaType.STRING,
                  enumeration = {
                    "running",
                    "completed",
                    "compensating",
                    "compensated",
                    "compensation_failed",
                    "failed",
                    "cancelled"
                  }),
              @Schema(
                  name = "ExpectedVersion",
                  description =
                      "\"any\" (default): no check; \"no_stream\": the stream must not exist;"
                          + " \"exists\": it must exist; a number N of 0 or more: its version"
                          + " must be N (0 = no stream)",
                  oneOf = {ExpectedVersionSchema.Keyword.class, ExpectedVersionSchema.Exact.class}),
              @Schema(
                  name = "JsonValue",
                  description =
                      "Any JSON value: object, array, string, number, boolean or null, stored as"
                          + " sent")
            },
            parameters = {
              @Parameter(
                  name = "tenant", // the component's key is the parameter's name
                  in = ParameterIn.PATH,
                  required = true,
                  description = "The tenant's id",
                  schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z][a-z0-9_]{2,39}$")),
              @Parameter(
                  name = "deadLetterId",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "A dead letter's id",
                  schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")),
              @Parameter(
                  name = "stream",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "The stream's id",
                  schema =
                      @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9._:@-]{1,200}$")),
              @Parameter(
                  name = "workflowId",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "A research workflow's id",
                  schema = @Schema(type = SchemaType.STRING, format = "uuid")),
              @Parameter(
                  name = "idempotencyKey",
                  in = ParameterIn.HEADER,
                  description =
                      "The caller's id of this command (1-200 printable ASCII characters): a"
                          + " resend with the same key stores nothing new and answers 200 with"
                          + " the aggregate as it is",
                  schema = @Schema(type = SchemaType.STRING, pattern = "^[!-~]{1,200}$")),
              @Parameter(
                  name = "ifMatch",
                  in = ParameterIn.HEADER,
                  description =
                      "The aggregate's version the command was decided on (its 'version', e.g."
                          + " \"3\"): when it has moved on, 409 and nothing is stored",
                  schema = @Schema(type = SchemaType.STRING, examples = "\"3\"")),
              @Parameter(
                  name = "eventType",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "An event type",
                  schema =
                      @Schema(
                          type = SchemaType.STRING,
                          pattern = "^[A-Za-z][A-Za-z0-9._-]{0,99}$",
                          maxLength = 100)),
              @Parameter(
                  name = "fromVersion",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "The schema version the upcaster lifts from (to this + 1)",
                  schema =
                      @Schema(
                          type = SchemaType.INTEGER,
                          format = "int32",
                          minimum = "1",
                          maximum = "1000000")),
              @Parameter(
                  name = "raw",
                  in = ParameterIn.QUERY,
                  description =
                      "true: the events as stored (type, schemaVersion and data as appended);"
                          + " default false: lifted to the current schema by the upcasters",
                  schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")),
              @Parameter(
                  name = "limit",
                  in = ParameterIn.QUERY,
                  description =
                      "Events per page; default 100, at most the server's read limit (1000)",
                  schema =
                      @Schema(
                          type = SchemaType.INTEGER,
                          format = "int32",
                          minimum = "1",
                          defaultValue = "100")),
              @Parameter(
                  name = "server",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "A registered database server's name",
                  schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z][a-z0-9_-]{0,39}$")),
              @Parameter(
                  name = "saga",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "A saga's id",
                  schema =
                      @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9._:@-]{1,100}$")),
              @Parameter(
                  name = "sagaType",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "A declarative saga type's name",
                  schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z][a-z0-9_.-]{0,63}$")),
              @Parameter(
                  name = "subscription",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "A subscription's name",
                  schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z][a-z0-9_-]{2,62}$")),
              @Parameter(
                  name = "projection",
                  in = ParameterIn.PATH,
                  required = true,
                  description = "A projection's name",
                  schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z][a-z0-9_]{2,39}$"))
            },
            responses = {
              @APIResponse(
                  name = "Unauthenticated",
                  responseCode = "401",
                  description = "No valid bearer token (missing, expired, forged, wrong issuer)",
                  headers =
                      @Header(
                          name = "WWW-Authenticate",
                          description = "The bearer challenge",
                          schema = @Schema(type = SchemaType.STRING)),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "TooManyRequests",
                  responseCode = "429",
                  description =
                      "Over a request rate (the principal's, the tenant's, or the principal's on"
                          + " the tenant; 'limit' names it): retry after Retry-After",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds until a retry may pass",
                          schema = @Schema(type = SchemaType.INTEGER)),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "Forbidden",
                  responseCode = "403",
                  description = "The token's roles do not allow this operation",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "BadRequest",
                  responseCode = "400",
                  description = "Invalid input: the detail names the parameter or field at fault",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "TenantNotFound",
                  responseCode = "404",
                  description = "No such tenant",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "DatabaseServerNotFound",
                  responseCode = "404",
                  description = "No database server is registered under this name",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "StreamNotFound",
                  responseCode = "404",
                  description = "No such tenant or stream",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "WorkflowNotFound",
                  responseCode = "404",
                  description = "No such tenant or workflow",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "SagaNotFound",
                  responseCode = "404",
                  description = "No such tenant or saga",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "SagaTypeNotFound",
                  responseCode = "404",
                  description = "No such tenant or declarative saga type",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "WrongExpectedVersion",
                  responseCode = "409",
                  description =
                      "A concurrent command changed the aggregate first (currentVersion): read"
                          + " it again and decide whether to retry",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "BusinessRuleViolated",
                  responseCode = "422",
                  description =
                      "The aggregate's state does not allow the command; 'rule' names the rule",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "ProjectionNotFound",
                  responseCode = "404",
                  description = "No such tenant or projection",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "DeadLetterNotFound",
                  responseCode = "404",
                  description = "No such tenant or dead letter",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "SubscriptionNotFound",
                  responseCode = "404",
                  description = "No such tenant or subscription",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "TenantMoving",
                  responseCode = "409",
                  description =
                      "The tenant is moving: try again once the move has finished (Retry-After)",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait before retrying",
                          schema = @Schema(type = SchemaType.INTEGER, format = "int32")),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "TenantDeleted",
                  responseCode = "410",
                  description = "The tenant was deleted; its data is retained until purgeAfter",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "TenantSuspended",
                  responseCode = "423",
                  description = "The tenant is suspended: writes are refused until it is resumed",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "QuotaExceeded",
                  responseCode = "403",
                  description =
                      "A quota would be exceeded: 'quota' names it, 'limit' is its value, 'usage'"
                          + " the tenant's usage (tenant quotas). Waiting does not help; an admin"
                          + " raises the quota or usage goes down. (Also a caller without the"
                          + " role: type forbidden.)",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "TooLarge",
                  responseCode = "413",
                  description = "The body is over its size limit",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "UnsupportedMediaType",
                  responseCode = "415",
                  description = "The body is not application/json",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class))),
              @APIResponse(
                  name = "Unavailable",
                  responseCode = "503",
                  description =
                      "Not done (database unavailable, or a tenant move switching); the same"
                          + " request again after Retry-After is safe",
                  headers =
                      @Header(
                          name = "Retry-After",
                          description = "Seconds to wait before retrying",
                          schema = @Schema(type = SchemaType.INTEGER, format = "int32")),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = ProblemView.class)))
            }))
public class AnnalsApi extends Application {

  /** The name of the bearer-token security scheme. */
  static final String BEARER = "bearer";
}
