package dev.annals.web.error;

import dev.annals.eventstore.api.upcast.UpcastFailedException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 422: an aggregate (a workflow) cannot be rebuilt because one of its events cannot be lifted to
 * the current schema by the tenant's upcasters. The tenant's own definitions decide this, so it is
 * the caller's to fix (change or delete the upcaster), never a server error.
 */
@Provider
public class UpcastFailedMapper implements ExceptionMapper<UpcastFailedException> {

  @Inject RequestInfo request;

  @Override
  public Response toResponse(UpcastFailedException e) {
    return Problem.of(422, "upcast-failed", "An event could not be upcast", e.getMessage())
        .toResponse(request);
  }
}
