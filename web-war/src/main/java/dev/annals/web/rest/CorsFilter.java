package dev.annals.web.rest;

import dev.annals.web.error.Problem;
import dev.annals.web.error.RequestInfo;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
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
 *
 * <p>The first step of {@link ApiEntryFilter} (before the correlation id and authentication), and a
 * step of its response filter. Dependent: the entry filter holds the one instance.
 */
@Dependent
public class CorsFilter {

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

  /**
   * The answer to a CORS preflight when CORS is on: 204 with the allowed methods and headers for a
   * listed origin, a 403 problem for any other; null for every other request (it goes on).
   */
  Response preflight(ContainerRequestContext request) {
    if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
      return null;
    }
    String origin = request.getHeaderString(ORIGIN);
    boolean preflight = request.getHeaderString("Access-Control-Request-Method") != null;
    if (origin == null || !preflight || allowed().isEmpty()) {
      return null;
    }
    if (!allowed().contains(origin)) {
      return Problem.of(
              403,
              "origin-not-allowed",
              "Cross-origin request refused",
              "This origin may not call the API from a browser")
          .toResponse(requestInfo);
    }
    return Response.noContent()
        .header("Access-Control-Allow-Origin", origin)
        .header("Access-Control-Allow-Methods", ALLOWED_METHODS)
        .header("Access-Control-Allow-Headers", ALLOWED_HEADERS)
        .header("Access-Control-Max-Age", MAX_AGE_SECONDS)
        .header("Vary", ORIGIN)
        .build();
  }

  /** Adds the CORS headers to the response of a listed origin's request. */
  void decorate(ContainerRequestContext request, ContainerResponseContext response) {
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
