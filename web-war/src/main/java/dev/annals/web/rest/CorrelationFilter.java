package dev.annals.web.rest;

import dev.annals.tenancy.api.RequestCorrelation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} when it is sane, else
 * a new UUID. Echoed in the response header, stored in event metadata, audit records and problem
 * bodies. A step of {@link ApiEntryFilter}, after the CORS preflight and before authentication, so
 * refusals carry the id too.
 */
public final class CorrelationFilter {

  /** The header carrying the correlation id. */
  public static final String HEADER = "X-Correlation-Id";

  /** The request attribute holding it. */
  public static final String ATTRIBUTE = RequestCorrelation.ATTRIBUTE; // audit records read it

  private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:@/+=-]{1,200}$");

  private CorrelationFilter() {}

  /**
   * Gives the request its id and returns it: the servlet request attribute {@link #ATTRIBUTE},
   * which is also the JAX-RS request property of that name (RESTEasy keeps a request's properties
   * as its servlet request's attributes).
   */
  static String assign(ContainerRequestContext request, HttpServletRequest servletRequest) {
    String id = sane(request.getHeaderString(HEADER)).orElseGet(CorrelationFilter::newId);
    servletRequest.setAttribute(ATTRIBUTE, id);
    return id;
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

  /** Echoes the request's id, when it has one, in the response header. */
  static void echo(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(ATTRIBUTE);
    if (id != null) {
      response.getHeaders().putSingle(HEADER, id);
    }
  }
}
