package dev.annals.tenancy.api;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The current request's correlation id, for the audit log: the web layer sets it when a request
 * arrives, and audit records made while serving it carry it. EJB callers need not pass it.
 */
@RequestScoped
public class RequestCorrelation {

  private String id;

  /** Sets the current request's correlation id. */
  public void set(String correlationId) {
    this.id = correlationId;
  }

  /** The current request's correlation id, if one was set. */
  public Optional<String> get() {
    return Optional.ofNullable(id);
  }
}
