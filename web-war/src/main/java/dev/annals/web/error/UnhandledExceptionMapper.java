package dev.annals.web.error;

import dev.annals.tenancy.api.SqlFailure;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything not mapped more precisely: a server fault. Logged once, here, with the correlation id;
 * the client gets a 500 problem with that id and never a stack trace or SQL text.
 */
@Provider
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());

  @Inject RequestInfo request;

  @Override
  public Response toResponse(Throwable e) {
    return response(e, request.path(), request.correlationId());
  }

  /**
   * The response for {@code e}: a database connection lost on the way (PostgreSQL restarting, a
   * network break) or a lost deadlock race is a 503 the client may retry, anything else a 500.
   * Either is logged once, here, with the correlation id, and answered without the cause's text.
   */
  static Response response(Throwable e, String path, String correlationId) {
    if (SqlFailure.of(e) == SqlFailure.TRANSIENT) {
      LOG.log(
          Level.WARNING,
          "Database unreachable or busy on " + path + " (correlation id " + correlationId + ")",
          e);
      return UnavailableMapper.withRetryAfter(
          Problem.of(
                  503,
                  "unavailable",
                  "Temporarily unavailable",
                  "The database is unreachable or busy right now; retry in a moment")
              .toResponse(path, correlationId));
    }
    return problem(e, path, correlationId).toResponse(path, correlationId);
  }

  /** Logs {@code e} and returns the 500 problem document. */
  static Problem problem(Throwable e, String path, String correlationId) {
    LOG.log(
        Level.SEVERE,
        "Unhandled failure on " + path + " (correlation id " + correlationId + ")",
        e);
    return Problem.of(
        500,
        "internal",
        "Internal error",
        "The server failed; quote the correlation id when reporting this");
  }
}
