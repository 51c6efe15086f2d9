package dev.annals.web.error;

import dev.annals.eventstore.api.JsonText;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem document. The {@code type} is a stable URI per kind of problem, so clients
 * branch on it rather than on the human-readable {@code detail}.
 *
 * <p>The document is a flat object of strings and numbers, written here (members in the order they
 * were added, a name added again keeps its place and takes the new value, strings escaped as {@link
 * JsonText} escapes them): building a JSON-P tree and serialising it cost several times as much, on
 * every error answer (bench/RESULTS.md, the per-request floor).
 */
public final class Problem {

  /** The media type of every error body. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final String TYPE_BASE = "https://annals.dev/problems/";

  /** The members: {@code String} or {@code Long} values, in the order added. */
  private final Map<String, Object> body = new LinkedHashMap<>(16);

  private final int status;
  private String retryAfter;

  private Problem(int status, String type, String title, String detail) {
    this.status = status;
    body.put("type", TYPE_BASE + type);
    body.put("title", title);
    body.put("status", (long) status);
    body.put("detail", detail == null ? title : detail);
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
    body.put(name, value);
    return this;
  }

  /** Adds an extension member. */
  public Problem with(String name, String value) {
    if (value != null) {
      body.put(name, value);
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
    StringBuilder b = new StringBuilder(320);
    b.append('{');
    for (Map.Entry<String, Object> member : body.entrySet()) {
      if (b.length() > 1) {
        b.append(',');
      }
      JsonText.string(b, member.getKey());
      b.append(':');
      if (member.getValue() instanceof Long number) {
        b.append(number.longValue());
      } else {
        JsonText.string(b, (String) member.getValue());
      }
    }
    return b.append('}').toString();
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
