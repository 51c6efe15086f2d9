package dev.annals.web.rest;

import dev.annals.tenancy.api.RequestCorrelation;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} when it is sane, else
 * a new UUID. Echoed in the response header, stored in event metadata, audit records and problem
 * bodies.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100) // before authentication: refusals carry the id too
public class CorrelationFilter implements ContainerRequestFilter, ContainerResponseFilter {

  /** The header carrying the correlation id. */
  public static final String HEADER = "X-Correlation-Id";

  /** The request attribute holding it. */
  public static final String ATTRIBUTE = RequestCorrelation.ATTRIBUTE; // audit records read it

  private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:@/+=-]{1,200}$");

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String id = sane(request.getHeaderString(HEADER)).orElseGet(CorrelationFilter::newId);
    request.setProperty(ATTRIBUTE, id);
    servletRequest.setAttribute(ATTRIBUTE, id);
  }

  /**
   * A random (version 4) UUID from the thread's own generator: a correlation id must be unique, not
   * unguessable, and {@code UUID.randomUUID()}'s shared SecureRandom is a lock every request of a
   * busy server would queue on.
   */
  static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /** The header value when it is a usable id (1-200 URL-safe characters), else empty. */
  public static Optional<String> sane(String headerValue) {
    return headerValue != null && SANE.matcher(headerValue).matches()
        ? Optional.of(headerValue)
        : Optional.empty();
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(ATTRIBUTE);
    if (id != null) {
      response.getHeaders().putSingle(HEADER, id);
    }
  }
}
