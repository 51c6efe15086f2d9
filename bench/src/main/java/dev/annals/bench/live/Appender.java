package dev.annals.bench.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Single-event appends over HTTP, each with the event id the caller chose. */
final class Appender {

  private final HttpClient client;
  private final URI base;
  private final String tenant;
  private final String authorization;

  Appender(HttpClient client, URI base, String tenant, String authorization) {
    this.client = client;
    this.base = base;
    this.tenant = tenant;
    this.authorization = authorization;
  }

  /** Appends one event with id {@code eventId} to {@code stream}; completes with the status. */
  CompletableFuture<Integer> append(String stream, String eventId) {
    String body =
        "{\"expectedVersion\":\"any\",\"events\":[{\"eventId\":\""
            + eventId
            + "\",\"type\":\"Measured\",\"data\":{\"bench\":\"live\"}}]}";
    HttpRequest request =
        HttpRequest.newBuilder(
                base.resolve("/api/tenants/" + tenant + "/streams/" + stream + "/events"))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(HttpResponse::statusCode);
  }
}
