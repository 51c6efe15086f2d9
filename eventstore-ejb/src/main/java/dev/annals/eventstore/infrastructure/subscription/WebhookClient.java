package dev.annals.eventstore.infrastructure.subscription;

import dev.annals.tenancy.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * POSTs webhook batches with java.net.http: a connect and a request timeout, no redirects (a
 * redirect could lead a signed batch anywhere), one shared client.
 */
@ApplicationScoped
public class WebhookClient {

  @Inject
  @ConfigProperty(name = "annals.subscriptions.webhook.timeout-ms", defaultValue = "5000")
  long timeoutMs;

  @Inject WebhookSecrets secrets;

  private volatile HttpClient client;

  /**
   * Sends one batch of the webhook subscription {@code row} of {@code tenant}, signed with its
   * secret.
   *
   * @return the response's status code
   * @throws IOException when no response came (refused, timed out, reset)
   */
  public int post(TenantId tenant, SubscriptionRow row, byte[] body) throws IOException {
    String secret = secrets.open(tenant, row.name(), row.webhookSecret().orElseThrow());
    return post(
        URI.create(row.webhookUrl().orElseThrow()), body, WebhookBatch.signature(secret, body));
  }

  /**
   * Sends one batch.
   *
   * @return the response's status code
   * @throws IOException when no response came (refused, timed out, reset)
   */
  public int post(URI url, byte[] body, String signature) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofMillis(timeoutMs))
            .header("Content-Type", "application/json")
            .header(WebhookBatch.SIGNATURE_HEADER, signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      return client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while delivering", e);
    }
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        if (client == null) {
          client =
              HttpClient.newBuilder()
                  .connectTimeout(Duration.ofMillis(timeoutMs))
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
        }
        c = client;
      }
    }
    return c;
  }
}
