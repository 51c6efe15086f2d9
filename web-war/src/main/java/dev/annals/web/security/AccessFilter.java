package dev.annals.web.security;

import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantNotFoundException;
import dev.annals.web.rest.CorrelationFilter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.logging.Logger;

/**
 * The one place that decides who may call what. Every matched {@code /api} request passes here with
 * the caller {@link AuthenticationFilter} authenticated from its JWT (it has refused the others);
 * the resource method's {@link Allowed} rule decides: a missing rule refuses everyone (403), a
 * caller without one of the rule's roles gets 403, and a path tenant outside the caller's tenants
 * answers exactly as a tenant that does not exist (404). Every refusal is reported to {@link
 * SecurityEvents}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {

  /**
   * The request property holding the authenticated {@link Caller} ({@link AuthenticationFilter}
   * sets it; resources and later filters may rely on it once access is granted).
   */
  public static final String CALLER = "annals.caller";

  /** The path parameter that names the tenant. */
  private static final String TENANT_PARAM = "tenant";

  private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());

  @Context ResourceInfo resource;

  @Inject SecurityEvents events;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(request.getProperty(CALLER) instanceof Caller caller)) {
      throw new UnauthenticatedException(); // AuthenticationFilter has refused it already
    }
    Method method = resource.getResourceMethod();
    Allowed rule = method == null ? null : method.getAnnotation(Allowed.class);
    if (rule == null) {
      LOG.severe(() -> "No @Allowed rule on " + method + ": refused to everyone");
      throw refuse(caller, request, "this operation has no access rule");
    }
    if (!caller.holdsAny(rule.value())) {
      throw refuse(caller, request, "this operation needs one of the roles " + names(rule));
    }
    if (rule.tenantInPath()) {
      TenantId tenant =
          new TenantId(request.getUriInfo().getPathParameters().getFirst(TENANT_PARAM));
      if (!caller.sees(tenant)) {
        events.report(
            new SecurityEvent(
                SecurityEvent.Kind.TENANT_REFUSED,
                caller.name(),
                tenant.value(),
                action(request),
                "tenant not among the caller's tenants",
                correlationId(request)));
        throw new TenantNotFoundException(tenant);
      }
    }
  }

  private AccessDeniedException refuse(
      Caller caller, ContainerRequestContext request, String detail) {
    events.report(
        new SecurityEvent(
            SecurityEvent.Kind.ACCESS_DENIED,
            caller.name(),
            null,
            action(request),
            detail,
            correlationId(request)));
    return new AccessDeniedException("Not allowed: " + detail);
  }

  private static String action(ContainerRequestContext request) {
    return request.getMethod() + " /" + request.getUriInfo().getPath();
  }

  private static String correlationId(ContainerRequestContext request) {
    return (String) request.getProperty(CorrelationFilter.ATTRIBUTE);
  }

  private static String names(Allowed rule) {
    return String.join(", ", Arrays.stream(rule.value()).map(Role::claim).toList());
  }
}
