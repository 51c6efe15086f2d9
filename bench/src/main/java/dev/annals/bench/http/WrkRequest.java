package dev.annals.bench.http;

import dev.annals.bench.driver.Payload;

/**
 * The requests the harness sends with wrk at 64 connections: Annals' own API, cheapest first, and
 * the floor they are compared with.
 */
public enum WrkRequest {
  /** A JAX-RS GET doing nothing, in the driver's application on the same server: the floor. */
  NOOP("bare JAX-RS GET (no-op resource in the bench driver)", "GET", "/bench/driver/noop", 200),
  /** Liberty's health check: no JAX-RS resource of Annals, no database. */
  HEALTH("`GET /health/live`", "GET", "/health/live", 200),
  /** The cheapest answer of Annals' API: an unknown path under /api, a 404 problem. */
  API_FLOOR("cheapest `/api` answer (unknown path, 404 problem)", "GET", "/api/no-such-thing", 404),
  /** Reading a stream of one event. */
  READ_SMALL(
      "read a 1-event stream",
      "GET",
      "/api/tenants/" + Payload.READ_TENANT + "/streams/" + Payload.SMALL_STREAM + "/events",
      200),
  /** Reading a stream that does not exist: a 404 problem. */
  READ_MISSING(
      "read an unknown stream (404 problem)",
      "GET",
      "/api/tenants/" + Payload.READ_TENANT + "/streams/no-such-stream/events",
      404),
  /** Appending one event to a new stream, each request its own stream and event id. */
  APPEND_ONE(
      "append 1 event (new stream)",
      "POST",
      "/api/tenants/" + Payload.WRITE_TENANT + "/streams/wrk-%s-%d-%d/events",
      201),
  /**
   * The same append from one connection: the latency of a lone client (issue 10 compares the HTTP
   * append's p50 at one client before and after authentication), without wrk's 64 in flight.
   */
  APPEND_ONE_SERIAL(
      "append 1 event (new stream), 1 connection",
      "POST",
      "/api/tenants/" + Payload.WRITE_TENANT + "/streams/wrk-%s-%d-%d/events",
      201,
      1);

  private final String label;
  private final String method;
  private final String path;
  private final int expectedStatus;
  private final int connections;

  WrkRequest(String label, String method, String path, int expectedStatus) {
    this(label, method, path, expectedStatus, 0);
  }

  WrkRequest(String label, String method, String path, int expectedStatus, int connections) {
    this.label = label;
    this.method = method;
    this.path = path;
    this.expectedStatus = expectedStatus;
    this.connections = connections;
  }

  /** Connections of its own, or 0 for the run's ({@code bench.wrk.connections}). */
  public int connections() {
    return connections;
  }

  /** What the results call it. */
  public String label() {
    return label;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The path; for appends a format with the run id, the wrk thread and a counter. */
  public String path() {
    return path;
  }

  /** The status every answer must have; any other counts as an error. */
  public int expectedStatus() {
    return expectedStatus;
  }

  /** Whether each request is built by the script (a body and path of its own). */
  public boolean dynamic() {
    return this == APPEND_ONE || this == APPEND_ONE_SERIAL;
  }
}
