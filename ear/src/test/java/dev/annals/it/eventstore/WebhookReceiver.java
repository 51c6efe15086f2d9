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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver in the test JVM: records every request (raw body and signature header) and
 * answers 500 to the first {@code failFirst} requests, 204 to the rest.
 */
final class WebhookReceiver implements AutoCloseable {

  /**
   * One request as received.
   *
   * @param body the raw body
   * @param signature the Annals-Signature header
   * @param status what the receiver answered
   */
  record Request(byte[] body, String signature, int status) {
    JsonObject json() {
      try (var reader =
          Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
        return reader.readObject();
      }
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft;

  WebhookReceiver(int failFirst) throws IOException {
    failuresLeft = new AtomicInteger(failFirst);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
          requests.add(
              new Request(body, exchange.getRequestHeaders().getFirst("Annals-Signature"), status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests it acknowledged (2xx). */
  List<Request> acknowledged() {
    return requests.stream().filter(r -> r.status() < 300).toList();
  }

  /** The signature a receiver expects for {@code body} under {@code secret}. */
  static String sign(String secret, byte[] body) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
