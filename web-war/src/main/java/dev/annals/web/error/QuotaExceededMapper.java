package dev.annals.web.error;

import dev.annals.tenancy.api.QuotaExceededException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 403: a quota would be exceeded. Not 429: waiting does not help (an admin raises the quota, or
 * usage goes down), so no {@code Retry-After}. The problem names the quota ({@code maxTenants} of a
 * database server, a tenant's {@code maxStreams}, {@code maxStorageBytes}, {@code
 * maxSubscriptions}), its value, and the usage when refused where known.
 */
@Provider
public class QuotaExceededMapper implements ExceptionMapper<QuotaExceededException> {

  @Inject RequestInfo request;

  @Override
  public Response toResponse(QuotaExceededException e) {
    return problem(e).toResponse(request);
  }

  static Problem problem(QuotaExceededException e) {
    Problem problem =
        Problem.of(403, "quota-exceeded", "Quota exceeded", e.getMessage())
            .with("quota", e.quota())
            .with("limit", e.limit());
    if (e.usage() >= 0) {
      problem.with("usage", e.usage());
    }
    return problem;
  }
}
