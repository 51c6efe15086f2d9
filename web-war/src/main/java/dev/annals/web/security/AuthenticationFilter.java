package dev.annals.web.security;

import dev.annals.web.rest.CorrelationFilter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every /api request needs a verified token, before anything else is revealed (even whether the
 * path exists): the container's MicroProfile JWT authenticates a request that carries a bearer
 * token; one that arrives here without a verified token (none, expired, forged, wrong issuer or
 * audience, unsigned) is refused with 401 and reported to {@link SecurityEvents}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  @Inject SecurityEvents events;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken)) {
      events.report(
          new SecurityEvent(
              SecurityEvent.Kind.AUTHENTICATION_FAILED,
              null,
              null,
              request.getMethod() + " /" + request.getUriInfo().getPath(),
              request.getHeaderString("Authorization") == null
                  ? "no bearer token"
                  : "bearer token refused",
              (String) request.getProperty(CorrelationFilter.ATTRIBUTE)));
      throw new UnauthenticatedException();
    }
  }
}
