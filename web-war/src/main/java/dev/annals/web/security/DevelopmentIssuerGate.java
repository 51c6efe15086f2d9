package dev.annals.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Hides the development issuer's operations ({@link DevelopmentIssuerOnly}) while it is off: they
 * answer 404 like an unknown path, to every authenticated caller. It runs after authentication (an
 * unknown path without a token is a 401 too) and before {@link AccessFilter}, whose 403 for a
 * caller without the role would otherwise tell that the path exists.
 */
@Provider
@Priority(DevelopmentIssuerGate.PRIORITY)
public class DevelopmentIssuerGate implements ContainerRequestFilter {

  /** Between authentication and authorization. */
  static final int PRIORITY = Priorities.AUTHORIZATION - 1;

  @Context ResourceInfo resource;

  @Inject TokenIssuer issuer;

  @Override
  public void filter(ContainerRequestContext request) {
    if (hidden(resource.getResourceMethod(), issuer.enabled())) {
      throw new NotFoundException();
    }
  }

  /** Whether {@code method} answers as if it did not exist, given whether the issuer is on. */
  static boolean hidden(Method method, boolean issuerOn) {
    return !issuerOn && method != null && method.isAnnotationPresent(DevelopmentIssuerOnly.class);
  }
}
