package dev.annals.web.error;

import dev.annals.eventstore.api.AppendTooLargeException;
import dev.annals.tenancy.api.ConflictException;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.LockedException;
import dev.annals.tenancy.api.QuotaExceededException;
import dev.annals.tenancy.api.ResourceNotFoundException;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.ws.rs.core.Response;

/**
 * Maps a failure to its response outside JAX-RS's exception mapping, with the same documents the
 * mappers write: for requests that complete asynchronously on another thread (group-committed
 * appends), where the mappers' request-scoped collaborators are not available.
 */
public final class Problems {

  private Problems() {}

  /**
   * @param failure what went wrong
   * @param path the request path, captured on the request thread
   * @param correlationId the request's correlation id, captured on the request thread
   */
  public static Response response(Throwable failure, String path, String correlationId) {
    if (failure instanceof InvalidRequestException e) {
      return InvalidRequestMapper.problem(e).toResponse(path, correlationId);
    }
    if (failure instanceof ResourceNotFoundException e) {
      return NotFoundMapper.problem(e).toResponse(path, correlationId);
    }
    if (failure instanceof LockedException e) {
      return LockedMapper.problem(e).toResponse(path, correlationId);
    }
    if (failure instanceof ConflictException e) {
      return ConflictMapper.problem(e).toResponse(path, correlationId);
    }
    if (failure instanceof QuotaExceededException e) {
      return QuotaExceededMapper.problem(e).toResponse(path, correlationId);
    }
    if (failure instanceof AppendTooLargeException e) {
      return TooLargeMapper.problem(e).toResponse(path, correlationId);
    }
    if (failure instanceof UnavailableException e) {
      return UnavailableMapper.withRetryAfter(
          UnavailableMapper.problem(e).toResponse(path, correlationId));
    }
    return UnhandledExceptionMapper.response(failure, path, correlationId);
  }
}
