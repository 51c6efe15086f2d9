package dev.annals.web.error;

import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400: input that can never succeed as sent. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {

  @Inject RequestInfo request;

  @Override
  public Response toResponse(InvalidRequestException e) {
    return problem(e).toResponse(request);
  }

  /** The problem document for {@code e}. */
  static Problem problem(InvalidRequestException e) {
    return Problem.of(400, "invalid-request", "Invalid request", e.getMessage());
  }
}
