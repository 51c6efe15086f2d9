package dev.annals.bench.http;

import dev.annals.bench.driver.Payload;
import dev.annals.bench.driver.RunResult;
import dev.annals.bench.driver.Workload;
import dev.annals.devservices.DevIssuer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Annals' HTTP API as the benchmark uses it: each workload's operation as real clients would send
 * it (a whole response body is received before an operation counts as done), plus the calls that
 * set up tenants and drive the in-container runs.
 */
public final class AnnalsHttp implements AutoCloseable {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final String JSON = "application/json";

  private final URI base;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final HttpClient client;
  private final String adminAuthorization;
  private final String authorization;

  /**
   * @param base the server's HTTP root
   * @param issuer the issuer the server trusts: tenants are created with a platform admin's token,
   *     the workloads run with a writer and reader token of their two tenants, as clients would
   */
  public AnnalsHttp(URI base, DevIssuer issuer) {
    this.base = base;
    Duration day = Duration.ofDays(1);
    this.adminAuthorization =
        "Bearer " + issuer.mint("bench-admin", List.of("platform-admin"), List.of("*"), day);
    this.authorization =
        "Bearer "
            + issuer.mint(
                "bench-client",
                List.of("writer", "reader"),
                List.of(Payload.WRITE_TENANT, Payload.READ_TENANT),
                day);
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(executor)
            .build();
  }

  /** The workloads' {@code Authorization} header value (a writer and reader of both tenants). */
  public String clientAuthorization() {
    return authorization;
  }

  /** Creates a tenant (201), or accepts that it exists (409). */
  public void createTenant(String tenant) throws IOException, InterruptedException {
    String body = "{\"id\":\"" + tenant + "\",\"name\":\"benchmark " + tenant + "\"}";
    HttpRequest request =
        HttpRequest.newBuilder(post("/api/tenants", body), (name, value) -> true)
            .setHeader("Authorization", adminAuthorization)
            .build();
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201 && r.statusCode() != 409) {
      throw new IOException("Creating tenant " + tenant + ": " + r.statusCode() + " " + r.body());
    }
  }

  /**
   * An administrative call with the platform admin's token (a GET when {@code post} is false); its
   * JSON answer, which must come with {@code status}.
   */
  public JsonObject admin(String path, boolean post, int status)
      throws IOException, InterruptedException {
    return admin(post ? "POST" : "GET", path, null, status);
  }

  /**
   * An administrative call with the platform admin's token and a JSON body (or none when null); its
   * JSON answer, which must come with {@code status}.
   */
  public JsonObject admin(String method, String path, String body, int status)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", adminAuthorization);
    if (body != null) {
      b.header("Content-Type", JSON);
    }
    HttpRequest request =
        b.method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != status) {
      throw new IOException(path + ": " + r.statusCode() + " " + r.body());
    }
    return json(r.body());
  }

  /** Runs a workload inside the server through the EJB API and returns what it measured. */
  public RunResult runInContainer(
      Workload workload, int concurrency, Duration warmup, Duration duration)
      throws IOException, InterruptedException {
    String path =
        "/bench/driver/runs?workload="
            + workload
            + "&concurrency="
            + concurrency
            + "&warmupMs="
            + warmup.toMillis()
            + "&durationMs="
            + duration.toMillis();
    JsonObject o = json(send(post(path, "")));
    return new RunResult(
        o.getString("side"),
        Workload.valueOf(o.getString("workload")),
        o.getInt("concurrency"),
        o.getJsonNumber("operations").longValue(),
        o.getJsonNumber("events").longValue(),
        o.getJsonNumber("errors").longValue(),
        o.getJsonNumber("seconds").doubleValue(),
        o.getJsonNumber("p50Millis").doubleValue(),
        o.getJsonNumber("p99Millis").doubleValue(),
        o.getString("firstError", ""));
  }

  /** Stores a declarative upcaster of the versions tenant, as a platform admin. */
  public void putUpcaster(String type, int fromVersion, String operations)
      throws IOException, InterruptedException {
    HttpRequest r =
        HttpRequest.newBuilder(
                base.resolve(
                    "/api/tenants/"
                        + Payload.VERSIONS_TENANT
                        + "/upcasters/"
                        + type
                        + "/"
                        + fromVersion))
            .setHeader("Authorization", adminAuthorization)
            .setHeader("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"operations\":" + operations + "}"))
            .build();
    HttpResponse<String> answer = client.send(r, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException("upcaster refused: " + answer.statusCode() + " " + answer.body());
    }
  }

  /** Has the bench driver store a snapshot of a seeded workflow at {@code version}. */
  public void snapshotWorkflow(String id, long version) throws IOException, InterruptedException {
    send(post("/bench/driver/workflow-snapshots?id=" + id + "&version=" + version, ""));
  }

  /** The HTTP operation of a workload. */
  public HttpLoad.Operation operation(Workload workload) {
    return switch (workload) {
      case APPEND_SINGLE, APPEND_BATCH -> () -> append(workload.eventsPerOperation());
      case READ_STREAM -> () -> streamPages(Payload.READ_STREAM, 1, 0);
      case REBUILD -> () -> streamPages(Payload.REBUILD_STREAM, 1, 0);
      case READ_ALL -> () -> allPages("", 0);
      case PROJECTION_CATCH_UP, WEBHOOK_DELIVERY ->
          throw new IllegalArgumentException(workload + " is measured by its own class");
      case READ_UPCAST, AGGREGATE_SNAPSHOT, AGGREGATE_FULL ->
          throw new IllegalArgumentException(workload + " runs through the EJB API only");
    };
  }

  private CompletableFuture<Long> append(int n) {
    StringBuilder body = new StringBuilder("{\"expectedVersion\":\"no_stream\",\"events\":[");
    for (int i = 0; i < n; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"eventId\":\"")
          .append(UUID.randomUUID())
          .append("\",\"type\":\"")
          .append(Payload.EVENT_TYPE)
          .append("\",\"data\":")
          .append(Payload.DATA)
          .append('}');
    }
    body.append("]}");
    String stream = Payload.newStreamId(n == 1 ? Workload.APPEND_SINGLE : Workload.APPEND_BATCH);
    HttpRequest request =
        post(
            "/api/tenants/" + Payload.WRITE_TENANT + "/streams/" + stream + "/events",
            body.toString());
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(r -> expect(r, 201).isEmpty() ? (long) n : 0L);
  }

  /** Reads a stream from {@code from}, following {@code next} to the end. */
  private CompletableFuture<Long> streamPages(String stream, long from, long sofar) {
    URI uri =
        base.resolve(
            "/api/tenants/"
                + Payload.READ_TENANT
                + "/streams/"
                + stream
                + "/events?from="
                + from
                + "&limit="
                + Payload.PAGE);
    return client
        .sendAsync(get(uri), HttpResponse.BodyHandlers.ofString())
        .thenCompose(
            r -> {
              String body = expect(r, 200);
              long total = sofar + Pages.count(body);
              Long next = Pages.next(body);
              return next == null
                  ? CompletableFuture.completedFuture(total)
                  : streamPages(stream, next, total);
            });
  }

  /** Pages $all from {@code after} until a page comes back short. */
  private CompletableFuture<Long> allPages(String after, long sofar) {
    URI uri =
        base.resolve(
            "/api/tenants/"
                + Payload.READ_TENANT
                + "/events?limit="
                + Payload.PAGE
                + (after.isEmpty() ? "" : "&after=" + after));
    return client
        .sendAsync(get(uri), HttpResponse.BodyHandlers.ofString())
        .thenCompose(
            r -> {
              String body = expect(r, 200);
              long n = Pages.count(body);
              return n < Payload.PAGE
                  ? CompletableFuture.completedFuture(sofar + n)
                  : allPages(Pages.checkpoint(body), sofar + n);
            });
  }

  /** The body when the status is as expected; otherwise fails the operation. */
  private static String expect(HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      String body = r.body();
      throw new IllegalStateException(
          "HTTP " + r.statusCode() + ": " + body.substring(0, Math.min(300, body.length())));
    }
    return status == 201 ? "" : r.body();
  }

  private HttpRequest post(String path, String body) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", JSON)
        .header("X-Correlation-Id", Payload.CORRELATION_ID)
        .header("X-Causation-Id", Payload.CAUSATION_ID)
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", authorization)
        .GET()
        .build();
  }

  private String send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(request.uri() + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private static JsonObject json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
