package dev.annals.web.error;

import dev.annals.web.security.RefusedException;
import dev.annals.web.security.UnauthenticatedException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 401 (no verified bearer token, with {@code WWW-Authenticate}) and 403 (a valid token without the
 * role). Should the container answer a 401/403 itself, {@link ErrorPageServlet} writes the same
 * documents.
 */
@Provider
public class RefusedMapper implements ExceptionMapper<RefusedException> {

  /** The challenge every 401 carries (RFC 6750). */
  public static final String CHALLENGE = "Bearer realm=\"annals\"";

  @Inject RequestInfo request;

  @Context HttpServletResponse servletResponse;

  @Override
  public Response toResponse(RefusedException e) {
    if (e instanceof UnauthenticatedException) {
      Response problem = unauthenticated().toResponse(request);
      // The container names a refused token's error in its own challenge; keep that one.
      return servletResponse.containsHeader(HttpHeaders.WWW_AUTHENTICATE)
          ? problem
          : Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }
    return forbidden(e.getMessage()).toResponse(request);
  }

  /** The 401 document. */
  public static Problem unauthenticated() {
    return Problem.of(
        401,
        "unauthenticated",
        "Unauthenticated",
        "Send a valid bearer token (Authorization: Bearer <JWT>): it was missing, expired, not"
            + " signed by a trusted issuer, or not meant for this service");
  }

  /** The 403 document. */
  public static Problem forbidden(String detail) {
    return Problem.of(403, "forbidden", "Forbidden", detail);
  }
}
