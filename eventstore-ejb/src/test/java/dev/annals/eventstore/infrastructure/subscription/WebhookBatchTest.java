package dev.annals.eventstore.infrastructure.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookBatchTest {

  @Test
  void signsTheRawBodyWithHmacSha256InLowerCaseHex() {
    // RFC 4231, test case 2.
    assertEquals(
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        WebhookBatch.signature(
            "Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void writesEventsAsReadsReturnThem() {
    RecordedEvent e =
        new RecordedEvent(
            new EventId(UUID.fromString("00000000-0000-0000-0000-000000000001")),
            new StreamId("acct-1"),
            "Moved",
            2,
            new Checkpoint(7, 9),
            "{\"a\":\"\\\"q\\\"\"}",
            "{\"correlationId\":\"c\"}",
            Instant.parse("2026-01-02T03:04:05Z"));
    String body =
        new String(
            WebhookBatch.body("sub-\"x\"", List.of(e), new Checkpoint(7, 9)),
            StandardCharsets.UTF_8);
    assertEquals(
        "{\"subscription\":\"sub-\\\"x\\\"\",\"events\":[{\"eventId\":"
            + "\"00000000-0000-0000-0000-000000000001\",\"streamId\":\"acct-1\",\"type\":\"Moved\","
            + "\"version\":2,\"position\":\"7-9\",\"data\":{\"a\":\"\\\"q\\\"\"},"
            + "\"metadata\":{\"correlationId\":\"c\"},\"recordedAt\":\"2026-01-02T03:04:05Z\",\"schemaVersion\":1}],"
            + "\"checkpoint\":\"7-9\"}",
        body);
  }
}
