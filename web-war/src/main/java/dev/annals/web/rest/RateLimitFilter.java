package dev.annals.web.rest;

import dev.annals.eventstore.api.RequestRates;
import dev.annals.eventstore.api.RequestRates.Limit;
import dev.annals.eventstore.api.RequestRates.Scope;
import dev.annals.tenancy.api.TenantRates;
import dev.annals.web.error.Problem;
import dev.annals.web.error.RequestInfo;
import dev.annals.web.security.AccessFilter;
import dev.annals.web.security.Caller;
import dev.annals.web.security.Role;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Request rates, after authentication and access control: each principal's requests overall ({@code
 * annals.rate.principal.per-second}), and on the path's tenant that tenant's requests as a whole
 * and each principal's on it (the tenant's configured rates, else the defaults {@code
 * annals.rate.tenant.per-second} and the principal default). A caller over any limit gets a 429
 * problem naming it, with {@code Retry-After}; 0 turns a limit off. Counting is Redis' (one round
 * trip for all three); while Redis is down requests pass unchecked ({@link RequestRates}).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class RateLimitFilter implements ContainerRequestFilter {

  static final String ANONYMOUS = "anonymous";

  @Inject RequestRates rates;

  @Inject TenantRateCache tenantRates;

  @Inject RequestInfo requestInfo;

  @Override
  public void filter(ContainerRequestContext request) {
    Principal principal = request.getSecurityContext().getUserPrincipal();
    String name =
        principal == null || principal.getName() == null ? ANONYMOUS : principal.getName();
    String tenant = request.getUriInfo().getPathParameters().getFirst("tenant");
    List<Limit> limits = new ArrayList<>(3);
    limits.add(new Limit(Scope.PRINCIPAL, name, tenantRates.principalDefault()));
    if (tenant != null && !operator(request)) {
      TenantRates configured = tenantRates.ratesOf(tenant);
      limits.add(
          new Limit(
              Scope.TENANT_PRINCIPAL, tenant + "/" + name, tenantRates.principalRate(configured)));
      limits.add(new Limit(Scope.TENANT, tenant, tenantRates.tenantRate(configured)));
    }
    rates
        .check(limits)
        .ifPresent(
            refusal ->
                request.abortWith(
                    Problem.of(
                            429,
                            "rate-limited",
                            "Too many requests",
                            "More than "
                                + refusal.perSecond()
                                + " requests per second "
                                + describe(refusal.scope())
                                + "; retry after "
                                + refusal.retryAfterSeconds()
                                + " s")
                        .with("limit", refusal.scope().name().toLowerCase(Locale.ROOT))
                        .with("requestsPerSecond", refusal.perSecond())
                        .retryAfter(refusal.retryAfterSeconds())
                        .toResponse(requestInfo)));
  }

  /**
   * Whether the caller is a platform admin: an operator's requests count against its own rate only,
   * never a tenant's, so the tenant that saturates its rate can still be throttled, suspended or
   * moved.
   */
  private static boolean operator(ContainerRequestContext request) {
    return request.getProperty(AccessFilter.CALLER) instanceof Caller c
        && c.holdsAny(Role.PLATFORM_ADMIN);
  }

  private static String describe(Scope scope) {
    return switch (scope) {
      case PRINCIPAL -> "from this principal";
      case TENANT_PRINCIPAL -> "from this principal on this tenant";
      case TENANT -> "on this tenant";
    };
  }
}
