package dev.annals.web.error;

import dev.annals.tenancy.api.UnavailableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 503 with Retry-After: not acknowledged now; the same request again is safe. */
@Provider
public class UnavailableMapper implements ExceptionMapper<UnavailableException> {

  @Inject RequestInfo request;

  @Override
  public Response toResponse(UnavailableException e) {
    return withRetryAfter(problem(e).toResponse(request));
  }

  /** The problem document for {@code e}. */
  static Problem problem(UnavailableException e) {
    return Problem.of(503, "unavailable", "Temporarily unavailable", e.getMessage());
  }

  static Response withRetryAfter(Response problem) {
    return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, "1").build();
  }
}
