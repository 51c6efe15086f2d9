package dev.annals.tenancy.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The current request's correlation id, for the audit log: the web layer stores it as the request
 * attribute {@link #ATTRIBUTE} when a request arrives, and audit records made while serving it
 * carry it, so EJB callers need not pass it. Application-scoped over the container's request proxy:
 * no bean is created per request.
 */
@ApplicationScoped
public class RequestCorrelation {

  /** The servlet request attribute holding the request's correlation id. */
  public static final String ATTRIBUTE = "annals.correlationId";

  @Inject HttpServletRequest request;

  /** The current request's correlation id; empty outside a request (timers, background work). */
  public Optional<String> get() {
    try {
      return Optional.ofNullable(request.getAttribute(ATTRIBUTE)).map(Object::toString);
    } catch (RuntimeException e) { // ContextNotActiveException, or however a container's
      return Optional.empty(); // request proxy fails on a thread without a request
    }
  }
}
