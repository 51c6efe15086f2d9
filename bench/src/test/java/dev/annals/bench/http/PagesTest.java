package dev.annals.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PagesTest {

  private static final String EVENT =
      "{\"eventId\":\"e\",\"streamId\":\"s\",\"data\":{\"next\":1},\"metadata\":{}}";

  @Test
  void countsEventsAndFindsNext() {
    String page = "{\"events\":[" + EVENT + "," + EVENT + "],\"next\":1001}";

    assertEquals(2, Pages.count(page));
    assertEquals(1001L, Pages.next(page));
  }

  @Test
  void lastStreamPageHasNoNext() {
    assertNull(Pages.next("{\"events\":[" + EVENT + "],\"next\":null}"));
    assertNull(Pages.next("{\"events\":[]}"));
  }

  @Test
  void findsTheAllCheckpoint() {
    assertEquals("123-456", Pages.checkpoint("{\"events\":[],\"checkpoint\":\"123-456\"}"));
  }
}
