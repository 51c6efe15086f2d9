package dev.annals.it.eventstore;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver in the test JVM: records every request (raw body and signature header) and
 * answers 500 to the first {@code failFirst} requests, 204 to the rest; or 500 to every request
 * whose batch {@link #failWhen matches}, until a test fixes it.
 */
public final class WebhookReceiver implements AutoCloseable {

  /**
   * One request as received.
   *
   * @param body the raw body
   * @param signature the Annals-Signature header
   * @param status what the receiver answered
   */
  public record Request(byte[] body, String signature, int status) {
    public JsonObject json() {
      try (var reader =
          Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
        return reader.readObject();
      }
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft;
  private volatile Predicate<JsonObject> failWhen = batch -> false;

  public WebhookReceiver(int failFirst) throws IOException {
    failuresLeft = new AtomicInteger(failFirst);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Request seen =
              new Request(body, exchange.getRequestHeaders().getFirst("Annals-Signature"), 0);
          int status = failuresLeft.getAndDecrement() > 0 || failWhen.test(seen.json()) ? 500 : 204;
          requests.add(new Request(body, seen.signature(), status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /** Answers 500 to every batch {@code fails} matches from now on (never: fixed). */
  public void failWhen(Predicate<JsonObject> fails) {
    failWhen = fails;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests it acknowledged (2xx). */
  public List<Request> acknowledged() {
    return requests.stream().filter(r -> r.status() < 300).toList();
  }

  /** The signature a receiver expects for {@code body} under {@code secret}. */
  public static String sign(String secret, byte[] body) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
