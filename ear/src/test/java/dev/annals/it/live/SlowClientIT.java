package dev.annals.it.live;

import static dev.annals.it.live.LiveFeedIT.WAIT;
import static dev.annals.it.live.LiveFeedIT.eventIds;
import static dev.annals.it.live.LiveFeedIT.live;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.it.Api;
import dev.annals.it.Db;
import dev.annals.it.ItServer;
import dev.annals.it.SseClient;
import dev.annals.it.SseClient.Message;
import dev.annals.it.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading is disconnected (the server does not buffer for it without bound)
 * and, reconnecting with Last-Event-ID, gets every event it missed: none lost, none twice.
 */
class SlowClientIT {

  private static final int APPENDS = 24;
  private static final int EVENTS_PER_APPEND = 40;
  private static final String PAD = "x".repeat(10_000);

  @Test
  void aClientThatStopsReadingIsDisconnectedAndResumesWithoutLoss() throws Exception {
    String tenant = Api.createTenant();
    double tooSlow = Metrics.count("annals_live_too_slow_total");
    List<Message> before;
    try (Socket stalled = new Socket()) {
      stalled.setReceiveBufferSize(4096);
      stalled.connect(
          new java.net.InetSocketAddress(ItServer.baseUri().getHost(), Api.httpPort()), 10_000);
      stalled
          .getOutputStream()
          .write(
              ("GET "
                      + live(tenant, "")
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                      + "Connection: close\r\n"
                      + "Authorization: Bearer "
                      + Tokens.platformAdmin()
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      stalled.getOutputStream().flush();
      for (int i = 0; i < APPENDS; i++) {
        String[] events = new String[EVENTS_PER_APPEND];
        for (int n = 0; n < events.length; n++) {
          events[n] = Api.event(UUID.randomUUID(), "Padded", "{\"pad\":\"" + PAD + "\"}");
        }
        LiveFeedIT.post(tenant, "big-" + i, events);
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (Metrics.count("annals_live_too_slow_total") <= tooSlow) {
        assertTrue(System.nanoTime() < deadline, "the stalled client was never disconnected");
        Thread.sleep(200);
      }
      before = SseClient.parse(body(readToEnd(stalled)));
    }
    List<Message> received = new ArrayList<>(before.stream().filter(m -> !m.isComment()).toList());
    int total = APPENDS * EVENTS_PER_APPEND;
    assertTrue(received.size() < total, "disconnected before everything was sent");
    String[] resume =
        received.isEmpty()
            ? new String[0]
            : new String[] {"Last-Event-ID", received.get(received.size() - 1).id()};
    try (SseClient again = SseClient.open(live(tenant, ""), Tokens.platformAdmin(), resume)) {
      received.addAll(again.events(total - received.size(), WAIT));
    }
    assertEquals(Db.eventIds(tenant), eventIds(received), "every event once, in order");
  }

  /**
   * Reads until the server closes the connection (the request asked it to once the response ends);
   * fails when nothing comes for a while.
   */
  private static byte[] readToEnd(Socket s) throws IOException {
    s.setSoTimeout(20_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InputStream in = s.getInputStream();
    byte[] buffer = new byte[64 * 1024];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server never closed the stalled client's stream", e);
    }
    return out.toByteArray();
  }

  /** The HTTP response's body: after the headers, de-chunked when chunked (a cut-off end kept). */
  private static String body(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int start = text.indexOf("\r\n\r\n");
    String head = text.substring(0, start).toLowerCase(java.util.Locale.ROOT);
    assertTrue(head.startsWith("http/1.1 200"), head);
    String rest = text.substring(start + 4);
    if (!head.contains("transfer-encoding: chunked")) {
      return rest;
    }
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < rest.length()) {
      int eol = rest.indexOf("\r\n", at);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(rest.substring(at, eol).trim(), 16);
      if (size == 0) {
        break;
      }
      int end = Math.min(rest.length(), eol + 2 + size);
      body.append(rest, eol + 2, end);
      at = end + 2;
    }
    return body.toString();
  }
}
