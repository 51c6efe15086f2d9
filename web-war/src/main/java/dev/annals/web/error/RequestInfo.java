package dev.annals.web.error;

import dev.annals.web.rest.CorrelationFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The current request's path and correlation id, for problem documents. Application-scoped over the
 * container's request proxy: one instance, not a bean created and destroyed with every request.
 */
@ApplicationScoped
public class RequestInfo {

  @Inject HttpServletRequest request;

  /** The request path, the problem's {@code instance}. */
  public String path() {
    return request.getRequestURI();
  }

  /** The request's correlation id (from {@code X-Correlation-Id} or generated). */
  public String correlationId() {
    Object id = request.getAttribute(CorrelationFilter.ATTRIBUTE);
    return id == null ? null : id.toString();
  }
}
