package dev.annals.web.error;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An RFC 9457 problem document. The {@code type} is a stable URI per kind of problem, so clients
 * branch on it rather than on the human-readable {@code detail}.
 */
public final class Problem {

  /** The media type of every error body. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final String TYPE_BASE = "https://annals.dev/problems/";

  /** Looked up once: every {@code Json.create…} call repeats a service-loader lookup. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final JsonObjectBuilder body = JSON.createObjectBuilder();
  private final int status;
  private String retryAfter;

  private Problem(int status, String type, String title, String detail) {
    this.status = status;
    body.add("type", TYPE_BASE + type)
        .add("title", title)
        .add("status", status)
        .add("detail", detail == null ? title : detail);
  }

  /**
   * @param status the HTTP status
   * @param type the problem's slug, e.g. {@code wrong-expected-version}
   * @param title a short summary of the kind of problem
   * @param detail what went wrong this time, and what to do
   */
  public static Problem of(int status, String type, String title, String detail) {
    return new Problem(status, type, title, detail);
  }

  /** Adds an extension member. */
  public Problem with(String name, long value) {
    body.add(name, value);
    return this;
  }

  /** Adds an extension member. */
  public Problem with(String name, String value) {
    if (value != null) {
      body.add(name, value);
    }
    return this;
  }

  /** Adds a {@code Retry-After} header: the same request may succeed after that many seconds. */
  public Problem retryAfter(long seconds) {
    retryAfter = Long.toString(seconds);
    return this;
  }

  /** The response, with the request's correlation id and instance path. */
  public Response toResponse(RequestInfo request) {
    return toResponse(request.path(), request.correlationId());
  }

  /**
   * The response for a request whose path and correlation id were captured earlier: an append
   * completes on a group-commit thread, where the request's scope is no longer active.
   */
  public Response toResponse(String path, String correlationId) {
    Response.ResponseBuilder response =
        Response.status(status).type(MEDIA_TYPE).entity(toJson(path, correlationId));
    if (retryAfter != null) {
      response.header(HttpHeaders.RETRY_AFTER, retryAfter);
    }
    return response.build();
  }

  /** The document's JSON text, with the request's correlation id and instance path. */
  String toJson(String path, String correlationId) {
    with("instance", path);
    with("correlationId", correlationId);
    return body.build().toString();
  }

  /**
   * Writes the document as the whole response, outside JAX-RS: the servlet container's own errors
   * and refusals made before any application code runs.
   */
  public void write(HttpServletResponse response, String path, String correlationId)
      throws IOException {
    byte[] bytes = toJson(path, correlationId).getBytes(StandardCharsets.UTF_8);
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(MEDIA_TYPE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  /** The HTTP status. */
  int status() {
    return status;
  }
}
