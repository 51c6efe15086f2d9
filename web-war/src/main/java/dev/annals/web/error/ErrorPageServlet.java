package dev.annals.web.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The servlet container's own errors — a path outside {@code /api} nobody serves, a path the
 * container refuses to route (an encoded slash), a failure before JAX-RS is reached — answered as
 * problem documents like every other error, instead of the container's HTML page with exception
 * text. {@code WEB-INF/web.xml} routes every error status and exception here.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

  /** Where web.xml sends errors; not a resource of its own. */
  static final String PATH = "/error-page";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri instanceof String s ? s : request.getRequestURI();
    String correlationId = UUID.randomUUID().toString();
    if (failure instanceof Throwable t) {
      status = status >= 400 ? status : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
      if (status >= 500) { // a client's bad path is not the server's fault: not logged
        LOG.log(
            Level.SEVERE,
            "Container error on " + path + " (correlation id " + correlationId + ")",
            t);
      }
    }
    Problem problem =
        switch (status) {
          case 400 ->
              Problem.of(
                  400,
                  "http-400",
                  "Bad Request",
                  "The request could not be understood (an encoded slash or another character the"
                      + " path may not carry?)");
          case 401 -> RefusedMapper.unauthenticated();
          case 403 ->
              RefusedMapper.forbidden("Not allowed: the token does not grant this operation");
          case 404 -> Problem.of(404, "http-404", "Not Found", "No resource at this path");
          case 405 ->
              Problem.of(
                  405,
                  "http-405",
                  "Method Not Allowed",
                  "This resource does not support the method");
          default ->
              status < 500
                  ? Problem.of(status, "http-" + status, "HTTP " + status, "HTTP " + status)
                  : Problem.of(
                      500,
                      "internal",
                      "Internal error",
                      "The server failed; quote the correlation id when reporting this");
        };
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      if (response.getHeader("WWW-Authenticate") == null) {
        response.setHeader("WWW-Authenticate", RefusedMapper.CHALLENGE);
      }
    }
    problem.write(response, path, correlationId);
  }
}
