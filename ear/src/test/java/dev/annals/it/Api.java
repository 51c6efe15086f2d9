package dev.annals.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The HTTP API of the integration-test server, for tests. Requests carry a platform admin's token
 * unless a test sends its own ({@link #call}, {@link Tokens}).
 */
public final class Api {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private Api() {}

  /** The server's HTTP port. */
  public static int httpPort() {
    return ItServer.baseUri().getPort();
  }

  /** A fresh tenant id that no other test uses. */
  public static String newTenantId() {
    return "t"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toLowerCase(Locale.ROOT);
  }

  /**
   * The isolation mode tests create tenants in unless they name one: the system property {@code
   * annals.it.isolation} (each mode runs the event-store suite once), default {@code shared}.
   */
  public static String defaultIsolation() {
    return System.getProperty("annals.it.isolation", "shared");
  }

  /** Creates a fresh tenant in the suite's isolation mode and returns its id. */
  public static String createTenant() {
    return createTenant(defaultIsolation());
  }

  /** Creates a fresh tenant in the given isolation mode and returns its id. */
  public static String createTenant(String isolation) {
    return createTenant(isolation, null);
  }

  /** The name the second PostgreSQL server of the build is registered under. */
  public static final String SECOND_SERVER = "it-second";

  private static volatile boolean secondRegistered;

  /**
   * Registers the second PostgreSQL server the build starts (credentials reference {@code db2}:
   * {@code DB2_USER}/{@code DB2_PASSWORD} in the server's environment) unless it is registered
   * already, and returns its name.
   */
  public static synchronized String secondServer() {
    if (!secondRegistered) {
      awaitServer();
      HttpResponse<String> r =
          post(
              "/api/database-servers",
              "{\"name\":\""
                  + SECOND_SERVER
                  + "\",\"host\":\"127.0.0.1\",\"port\":"
                  + System.getProperty("annals.it.db2Port")
                  + ",\"credentials\":\"db2\",\"maxConnectionsPerTenant\":3,"
                  + "\"maxTenants\":10000}");
      if (r.statusCode() != 201 && r.statusCode() != 409) {
        throw new IllegalStateException(
            "registering the second server failed: " + r.statusCode() + " " + r.body());
      }
      secondRegistered = true;
    }
    return SECOND_SERVER;
  }

  /** The {@code database} member that places a tenant on the registered second server. */
  public static String onSecondServer() {
    return "{\"server\":\"" + secondServer() + "\"}";
  }

  private static void awaitServer() {
    try {
      ItServer.awaitReady(Duration.ofMinutes(3));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Creates a fresh tenant and returns its id.
   *
   * @param isolation shared, schema or database
   * @param databaseJson the {@code database} member ({"server"}), or null
   */
  public static String createTenant(String isolation, String databaseJson) {
    try {
      ItServer.awaitReady(Duration.ofMinutes(3));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String id = newTenantId();
    HttpResponse<String> r =
        post(
            "/api/tenants",
            "{\"id\":\""
                + id
                + "\",\"name\":\"IT "
                + id
                + "\",\"isolation\":\""
                + isolation
                + "\""
                + (databaseJson == null ? "" : ",\"database\":" + databaseJson)
                + "}");
    if (r.statusCode() != 201) {
      throw new IllegalStateException("tenant creation failed: " + r.statusCode() + " " + r.body());
    }
    return id;
  }

  public static HttpResponse<String> post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").POST(body(json)).build());
  }

  public static HttpResponse<String> post(
      String path, String contentType, String body, String... headers) {
    HttpRequest.Builder b = request(path).POST(body(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(b.build());
  }

  /** Posts raw bytes as application/json: for bodies no Java string can carry (invalid UTF-8). */
  public static HttpResponse<String> postBytes(String path, byte[] body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  public static HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  /** A GET with extra headers (name, value, name, value...). */
  public static HttpResponse<String> get(String path, String... headers) {
    return send(request(path).GET().headers(headers).build());
  }

  /** An OPTIONS request with extra headers (name, value, ...): a browser's CORS preflight. */
  public static HttpResponse<String> options(String path, String... headers) {
    return send(
        request(path)
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .headers(headers)
            .build());
  }

  /** A PUT of a JSON body. */
  public static HttpResponse<String> put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").PUT(body(json)).build());
  }

  public static HttpResponse<String> delete(String path) {
    return send(request(path).DELETE().build());
  }

  /** Parses a JSON response body. */
  public static JsonObject json(HttpResponse<String> response) {
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      JsonStructure s = reader.read();
      return s.asJsonObject();
    }
  }

  /** An append body: {@code events} are JSON objects already. */
  public static String appendBody(String expectedVersion, String... events) {
    return "{\"expectedVersion\":"
        + expectedVersion
        + ",\"events\":["
        + String.join(",", events)
        + "]}";
  }

  /** One event as JSON, with an explicit id. */
  public static String event(UUID id, String type, String dataJson) {
    return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"data\":" + dataJson + "}";
  }

  /**
   * Sends {@code method path} with {@code json} as body (or none when null) and {@code token} as
   * bearer token (or no Authorization header when null).
   */
  public static HttpResponse<String> call(String method, String path, String json, String token) {
    return call(method, path, json, token, new String[0]);
  }

  /** {@link #call(String, String, String, String)} with extra headers (name, value, ...). */
  public static HttpResponse<String> call(
      String method, String path, String json, String token, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(ItServer.baseUri().resolve(path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return send(
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : body(json)).build());
  }

  /** A request as a platform admin (every tenant, every operation). */
  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(ItServer.baseUri().resolve(path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + Tokens.platformAdmin());
  }

  private static HttpRequest.BodyPublisher body(String body) {
    return HttpRequest.BodyPublishers.ofString(body);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
