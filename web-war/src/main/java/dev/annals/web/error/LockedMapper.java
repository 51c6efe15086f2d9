package dev.annals.web.error;

import dev.annals.tenancy.api.LockedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 423: the tenant exists but refuses changes in its current state (suspended). */
@Provider
public class LockedMapper implements ExceptionMapper<LockedException> {

  @Inject RequestInfo request;

  @Override
  public Response toResponse(LockedException e) {
    return problem(e).toResponse(request);
  }

  /** The problem document for {@code e}. */
  static Problem problem(LockedException e) {
    return Problem.of(423, "tenant-suspended", "Tenant suspended", e.getMessage());
  }
}
