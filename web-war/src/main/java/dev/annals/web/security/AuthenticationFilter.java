package dev.annals.web.security;

import dev.annals.tenancy.api.RequestCorrelation;
import dev.annals.web.rest.CorrelationFilter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/**
 * Every /api request needs a verified bearer token, before anything else is revealed (even whether
 * the path exists). {@link BearerAuthenticator} verifies it (once per distinct token); a request
 * without one that verifies (none, expired, forged, wrong issuer or audience, unsigned, no subject)
 * is refused with 401 and reported to {@link SecurityEvents}. An authenticated request carries its
 * {@link Caller} (request property {@link AccessFilter#CALLER}), a JAX-RS security context naming
 * it, and the servlet request attribute {@link RequestCorrelation#PRINCIPAL} that the audit log
 * reads.
 *
 * <p>A step of {@code dev.annals.web.rest.ApiEntryFilter}, the API's one pre-matching filter: after
 * the correlation id, before the request is matched to a resource. Dependent: the entry filter
 * holds the one instance.
 */
@Dependent
public class AuthenticationFilter {

  /**
   * The request attribute holding until when the request's token is accepted (an {@code Instant}):
   * what outlives the request (a live feed) ends then.
   */
  public static final String TOKEN_ACCEPTED_UNTIL = "annals.token.acceptedUntil";

  @Inject SecurityEvents events;

  @Inject BearerAuthenticator authenticator;

  /**
   * Authenticates the request, or refuses it.
   *
   * @throws UnauthenticatedException without a bearer token that verifies (answered 401)
   */
  public void authenticate(ContainerRequestContext request, HttpServletRequest servletRequest) {
    String authorization = request.getHeaderString("Authorization");
    Optional<BearerAuthenticator.Authenticated> authenticated =
        authenticator.authenticated(authorization);
    if (authenticated.isEmpty()) {
      events.report(
          new SecurityEvent(
              SecurityEvent.Kind.AUTHENTICATION_FAILED,
              null,
              null,
              request.getMethod() + " /" + request.getUriInfo().getPath(),
              authorization == null ? "no bearer token" : "bearer token refused",
              (String) request.getProperty(CorrelationFilter.ATTRIBUTE)));
      throw new UnauthenticatedException();
    }
    Caller c = authenticated.get().caller();
    request.setProperty(AccessFilter.CALLER, c);
    request.setSecurityContext(
        new CallerSecurityContext(c, request.getSecurityContext().isSecure()));
    servletRequest.setAttribute(RequestCorrelation.PRINCIPAL, c.name());
    servletRequest.setAttribute(TOKEN_ACCEPTED_UNTIL, authenticated.get().acceptedUntil());
  }
}
