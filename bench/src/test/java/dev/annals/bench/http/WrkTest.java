package dev.annals.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class WrkTest {

  private static final String OUTPUT =
      """
      Running 20s test @ http://127.0.0.1:9380/api/no-such-thing
        2 threads and 64 connections
      annals-wrk requests=156000 duration_us=20000000 p50_us=6300 p99_us=21450 unexpected=2 \
      socket_errors=1 first=500 {"type":"about:blank"}
      """;

  @Test
  void readsTheScriptsSummaryLine() throws IOException {
    Wrk.Result r = Wrk.parse(WrkRequest.API_FLOOR, OUTPUT, 0);
    assertEquals(156_000, r.requests());
    assertEquals(7_800, r.perSecond(), 1e-9);
    assertEquals(6.3, r.p50Millis(), 1e-9);
    assertEquals(21.45, r.p99Millis(), 1e-9);
    assertEquals(3, r.errors());
    assertEquals("500 {\"type\":\"about:blank\"}", r.firstUnexpected());
  }

  @Test
  void aFailedRunIsAnError() {
    assertThrows(IOException.class, () -> Wrk.parse(WrkRequest.NOOP, OUTPUT, 1));
    assertThrows(
        IOException.class, () -> Wrk.parse(WrkRequest.NOOP, "unable to connect to 127.0.0.1", 0));
  }
}
