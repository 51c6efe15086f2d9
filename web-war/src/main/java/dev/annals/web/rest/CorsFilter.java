package dev.annals.web.rest;

import dev.annals.web.error.Problem;
import dev.annals.web.error.RequestInfo;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin requests, off unless configured: {@code annals.cors.allowed-origins} ({@code
 * ANNALS_CORS_ALLOWED_ORIGINS}) lists the exact origins (scheme, host, port) whose pages may call
 * the API from a browser. Without it no response carries a CORS header, so browsers keep other
 * sites' pages out. A preflight from a listed origin is answered here, before authentication
 * (browsers send it without credentials); one from any other origin is refused with a 403 problem.
 * Credentials are bearer tokens, never cookies, so no {@code Access-Control-Allow-Credentials}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String ORIGIN = "Origin";
  static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";
  static final String ALLOWED_HEADERS =
      "Authorization, Content-Type, Idempotency-Key, " + CorrelationFilter.HEADER;
  static final String EXPOSED_HEADERS =
      "Location, Retry-After, WWW-Authenticate, " + CorrelationFilter.HEADER;
  static final String MAX_AGE_SECONDS = "600";

  @Inject
  @ConfigProperty(name = "annals.cors.allowed-origins", defaultValue = " ")
  String configured;

  @Inject RequestInfo requestInfo;

  private volatile Set<String> allowed;

  /** The configured origins; empty when CORS is off. */
  Set<String> allowed() {
    Set<String> a = allowed;
    if (a == null) {
      a = parse(configured);
      allowed = a;
    }
    return a;
  }

  /** Comma-separated exact origins; blanks ignored, trailing slashes removed. */
  static Set<String> parse(String value) {
    return value == null
        ? Set.of()
        : Arrays.stream(value.split(","))
            .map(String::trim)
            .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o)
            .filter(o -> !o.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String origin = request.getHeaderString(ORIGIN);
    boolean preflight =
        HttpMethod.OPTIONS.equals(request.getMethod())
            && request.getHeaderString("Access-Control-Request-Method") != null;
    if (origin == null || !preflight || allowed().isEmpty()) {
      return;
    }
    if (!allowed().contains(origin)) {
      request.abortWith(
          Problem.of(
                  403,
                  "origin-not-allowed",
                  "Cross-origin request refused",
                  "This origin may not call the API from a browser")
              .toResponse(requestInfo));
      return;
    }
    request.abortWith(
        Response.noContent()
            .header("Access-Control-Allow-Origin", origin)
            .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
            .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
            .header("Access-Control-Max-Age", MAX_AGE_SECONDS)
            .header("Vary", ORIGIN)
            .build());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String origin = request.getHeaderString(ORIGIN);
    if (origin == null || !allowed().contains(origin)) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    if (!headers.containsKey("Access-Control-Allow-Origin")) {
      headers.putSingle("Access-Control-Allow-Origin", origin);
      headers.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      headers.add("Vary", ORIGIN);
    }
  }
}
