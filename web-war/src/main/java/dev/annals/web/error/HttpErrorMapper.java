package dev.annals.web.error;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own errors (unknown path 404, wrong method 405, unsupported content type
 * 415, ...) as problem documents with their original status.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

  @Inject RequestInfo request;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    Response problem =
        problem(original.getStatus(), original.getStatusInfo().getReasonPhrase())
            .toResponse(request);
    String allow = original.getHeaderString(HttpHeaders.ALLOW);
    return allow == null
        ? problem
        : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
  }

  /**
   * The document of one of the runtime's own errors.
   *
   * @param status the HTTP status
   * @param title its reason phrase
   */
  public static Problem problem(int status, String title) {
    String detail =
        switch (status) {
          case 404 -> "No resource at this path";
          case 405 -> "This resource does not support the method";
          case 406 -> "This resource answers application/json only";
          case 415 -> "Send the body as application/json";
          default -> title;
        };
    return Problem.of(status, "http-" + status, title, detail);
  }
}
