package dev.annals.tenancy.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The current request's correlation id and authenticated principal, for the audit log: the web
 * layer stores them as the request attributes {@link #ATTRIBUTE} and {@link #PRINCIPAL} when a
 * request arrives, and audit records made while serving it carry them, so EJB callers need not pass
 * them. Application-scoped over the container's request proxy: no bean is created per request.
 */
@ApplicationScoped
public class RequestCorrelation {

  /** The servlet request attribute holding the request's correlation id. */
  public static final String ATTRIBUTE = "annals.correlationId";

  /**
   * The servlet request attribute holding the name of the caller the web layer authenticated (the
   * API verifies bearer tokens itself, so the container's caller principal does not carry it).
   */
  public static final String PRINCIPAL = "annals.principal";

  @Inject HttpServletRequest request;

  /** The current request's correlation id; empty outside a request (timers, background work). */
  public Optional<String> get() {
    return attribute(ATTRIBUTE);
  }

  /** The current request's authenticated caller; empty outside a request or when anonymous. */
  public Optional<String> principal() {
    return attribute(PRINCIPAL);
  }

  private Optional<String> attribute(String name) {
    try {
      return Optional.ofNullable(request.getAttribute(name)).map(Object::toString);
    } catch (RuntimeException e) { // ContextNotActiveException, or however a container's
      return Optional.empty(); // request proxy fails on a thread without a request
    }
  }
}
