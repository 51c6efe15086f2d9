package dev.annals.web.error;

import dev.annals.eventstore.api.EventIdConflictException;
import dev.annals.eventstore.api.WrongExpectedVersionException;
import dev.annals.eventstore.api.projection.RebuildRunningException;
import dev.annals.eventstore.api.snapshot.SnapshotAheadException;
import dev.annals.tenancy.api.ConflictException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 409: the request conflicts with the current state; the body says how, and {@code Retry-After}
 * when waiting resolves it.
 */
@Provider
public class ConflictMapper implements ExceptionMapper<ConflictException> {

  @Inject RequestInfo request;

  @Override
  public Response toResponse(ConflictException e) {
    return problem(e).toResponse(request);
  }

  /** The problem document for {@code e}. */
  static Problem problem(ConflictException e) {
    if (e instanceof WrongExpectedVersionException wrong) {
      return Problem.of(409, "wrong-expected-version", "Wrong expected version", e.getMessage())
          .with("currentVersion", wrong.currentVersion());
    }
    if (e instanceof SnapshotAheadException ahead) {
      return Problem.of(409, "snapshot-ahead", "Snapshot ahead of the stream", e.getMessage())
          .with("currentVersion", ahead.currentVersion());
    }
    if (e instanceof RebuildRunningException) {
      return Problem.of(409, "rebuild-running", "Rebuild under way", e.getMessage());
    }
    if (e instanceof EventIdConflictException) {
      return Problem.of(409, "event-id-conflict", "Event ids already used", e.getMessage());
    }
    Problem conflict = Problem.of(409, "conflict", "Conflict", e.getMessage());
    e.retryAfter().ifPresent(d -> conflict.retryAfter(Math.max(1, (d.toMillis() + 999) / 1000)));
    return conflict;
  }
}
