package dev.annals.eventstore.infrastructure.subscription;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.JsonText;
import dev.annals.eventstore.api.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook delivery's body and signature: {@code {"subscription", "events": [...], "checkpoint"}}
 * with events as reads return them, signed {@code sha256=<hex HMAC-SHA256 of the raw body>} with
 * the subscription's secret. The receiver verifies the signature over the bytes it received.
 */
public final class WebhookBatch {

  /** The signature's header. */
  public static final String SIGNATURE_HEADER = "Annals-Signature";

  private WebhookBatch() {}

  /** The body of a batch, UTF-8. */
  public static byte[] body(String subscription, List<RecordedEvent> events, Checkpoint next) {
    StringBuilder b = new StringBuilder(256 + events.size() * 512);
    b.append("{\"subscription\":");
    JsonText.string(b, subscription);
    b.append(",\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      event(b, events.get(i));
    }
    b.append("],\"checkpoint\":");
    JsonText.string(b, next.toString());
    return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One event as reads return it (a batch's element, a dead letter's event). */
  public static void event(StringBuilder b, RecordedEvent e) {
    JsonText.event(
        b,
        e.eventId().toString(),
        e.streamId().value(),
        e.type(),
        e.version(),
        e.position().toString(),
        e.data(),
        e.metadata(),
        e.recordedAt().toString(),
        e.schemaVersion(),
        e.upcastError().orElse(null));
  }

  /** The header's value for {@code body}: {@code sha256=} and the lower-case hex HMAC. */
  public static String signature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
