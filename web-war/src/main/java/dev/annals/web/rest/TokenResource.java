package dev.annals.web.rest;

import dev.annals.web.error.Problem;
import dev.annals.web.error.ProblemView;
import dev.annals.web.security.Allowed;
import dev.annals.web.security.DevelopmentIssuerOnly;
import dev.annals.web.security.Role;
import dev.annals.web.security.SecurityEvent;
import dev.annals.web.security.SecurityEvents;
import dev.annals.web.security.TokenIssuer;
import dev.annals.web.security.management.ManagementAuthRegistration;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The development issuer's token endpoint: a platform admin mints scoped tokens. It exists only
 * while the development issuer is on (the run command's default); otherwise it answers 404 like any
 * path nobody serves, to every caller ({@link DevelopmentIssuerOnly}). Every token minted is
 * reported to {@link SecurityEvents}.
 */
@Path("tokens")
@RequestScoped
@Tag(name = "Tokens", description = "The development issuer: mint scoped tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

  private static final int MAX_BODY = 16 * 1024;

  @Inject TokenIssuer issuer;

  @Inject SecurityEvents events;

  @Inject
  @ConfigProperty(name = ManagementAuthRegistration.SCRAPE_ROLE)
  Optional<String> scrapeRole;

  @Context SecurityContext security;

  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Allowed(value = Role.PLATFORM_ADMIN, tenantInPath = false)
  @DevelopmentIssuerOnly
  @Operation(
      operationId = "mintToken",
      summary = "Mint a token (development issuer only)",
      description =
          "Signs a token with the development issuer's key for the given subject, roles and"
              + " tenants. Exists only while the development issuer is on; otherwise 404.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = TokenRequest.class)))
  @APIResponse(
      responseCode = "201",
      description = "Minted",
      content = @Content(schema = @Schema(implementation = TokenView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed body, unknown role, bad tenant id, ttlSeconds out of bounds",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(
      responseCode = "404",
      description = "The development issuer is off",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemView.class)))
  @APIResponse(responseCode = "413", ref = "TooLarge")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public Response mint(InputStream body) {
    TokenRequestParser.ParsedToken t =
        TokenRequestParser.parse(
            JsonBody.readObject(body, MAX_BODY), scrapeRole.filter(r -> !r.isBlank()));
    TokenIssuer.Minted minted = issuer.mint(t.subject(), t.roles(), t.tenants(), t.ttl());
    events.report(
        new SecurityEvent(
            SecurityEvent.Kind.TOKEN_MINTED,
            security.getUserPrincipal().getName(),
            null,
            "POST " + request.getRequestURI(),
            "subject "
                + t.subject()
                + ", roles "
                + t.roles()
                + ", tenants "
                + t.tenants()
                + ", expires "
                + minted.expiresAt(),
            (String) request.getAttribute(CorrelationFilter.ATTRIBUTE)));
    return Response.status(Response.Status.CREATED)
        .entity(new TokenView(minted.token(), minted.expiresAt().toString()))
        .build();
  }
}
