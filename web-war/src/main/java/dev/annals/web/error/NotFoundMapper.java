package dev.annals.web.error;

import dev.annals.tenancy.api.ResourceNotFoundException;
import dev.annals.tenancy.api.TenantGoneException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404: a tenant or stream that does not exist; 410: a deleted tenant. */
@Provider
public class NotFoundMapper implements ExceptionMapper<ResourceNotFoundException> {

  @Inject RequestInfo request;

  @Override
  public Response toResponse(ResourceNotFoundException e) {
    return problem(e).toResponse(request);
  }

  /** The problem document for {@code e}. */
  static Problem problem(ResourceNotFoundException e) {
    if (e instanceof TenantGoneException) {
      return Problem.of(410, "tenant-deleted", "Tenant deleted", e.getMessage());
    }
    return Problem.of(404, "not-found", "Not found", e.getMessage());
  }
}
