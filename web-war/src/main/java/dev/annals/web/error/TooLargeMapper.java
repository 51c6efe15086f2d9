package dev.annals.web.error;

import dev.annals.eventstore.api.AppendTooLargeException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 413: an append over the size or event-count limit. */
@Provider
public class TooLargeMapper implements ExceptionMapper<AppendTooLargeException> {

  @Inject RequestInfo request;

  @Override
  public Response toResponse(AppendTooLargeException e) {
    return problem(e).toResponse(request);
  }

  /** The problem document for {@code e}. */
  static Problem problem(AppendTooLargeException e) {
    return Problem.of(413, "too-large", "Append too large", e.getMessage());
  }
}
