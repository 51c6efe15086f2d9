package dev.annals.web.rest;

import dev.annals.web.error.HttpErrorMapper;
import dev.annals.web.security.AuthenticationFilter;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The first steps of every /api request, in this order, in one provider (one call per request
 * rather than one per step):
 *
 * <ol>
 *   <li>a CORS preflight is answered ({@link CorsFilter}: browsers send it without credentials);
 *   <li>the request gets its correlation id ({@link CorrelationFilter}), so every later refusal
 *       carries it;
 *   <li>its bearer token is verified ({@link AuthenticationFilter}): 401 before anything about the
 *       path is revealed;
 *   <li>a path under no resource ({@link ApiRoots}) is answered 404 here, with the document the
 *       JAX-RS runtime's own 404 gets ({@link HttpErrorMapper}), instead of being matched against
 *       every resource and answered through the runtime's {@code NotFoundException}. A path some
 *       resource starts with goes on to matching as before (405, 404 below a resource, OPTIONS and
 *       HEAD are the runtime's).
 * </ol>
 *
 * On the way out, every response gets the correlation id header and, for a listed origin, the CORS
 * headers.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiEntryFilter implements ContainerRequestFilter, ContainerResponseFilter {

  @Inject CorsFilter cors;

  @Inject AuthenticationFilter authentication;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    Response preflight = cors.preflight(request);
    if (preflight != null) {
      request.abortWith(preflight);
      return;
    }
    String correlationId = CorrelationFilter.assign(request, servletRequest);
    authentication.authenticate(request, servletRequest);
    if (ApiRoots.outside(request.getUriInfo().getPath(false))) {
      request.abortWith(
          HttpErrorMapper.problem(404, Response.Status.NOT_FOUND.getReasonPhrase())
              .toResponse(servletRequest.getRequestURI(), correlationId));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    CorrelationFilter.echo(request, response);
    cors.decorate(request, response);
  }
}
