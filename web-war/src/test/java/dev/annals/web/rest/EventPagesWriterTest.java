package dev.annals.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPagesWriterTest {

  private static final EventView EVENT =
      new EventView(
          "8a4f2c1e-2b7d-4c1a-9d0e-5f6a7b8c9d01",
          "order-1",
          "OrderPlaced",
          3,
          "947-12",
          "{\"total\": 42, \"note\": \"a \\\"quoted\\\" ü\"}",
          "{\"correlationId\": \"c-1\"}",
          "2026-11-22T01:00:00Z",
          2,
          null);

  @Test
  void writesValidJsonWithTheStoredValuesAsTheyAre() throws Exception {
    JsonObject page = write(new StreamPageView(List.of(EVENT, EVENT), 4L));
    assertEquals(2, page.getJsonArray("events").size());
    JsonObject e = page.getJsonArray("events").getJsonObject(0);
    assertEquals("order-1", e.getString("streamId"));
    assertEquals(3, e.getInt("version"));
    assertEquals("a \"quoted\" ü", e.getJsonObject("data").getString("note"));
    assertEquals("c-1", e.getJsonObject("metadata").getString("correlationId"));
    assertEquals(4, page.getInt("next"));
    assertEquals(2, e.getInt("schemaVersion"));
    assertEquals(false, e.containsKey("upcastError"));
    assertEquals(true, write(new StreamPageView(List.of(), null)).isNull("next"));
  }

  @Test
  void writesAllPagesWithTheirCheckpoint() throws Exception {
    JsonObject page = write(new AllPageView(List.of(EVENT), "947-12"));
    assertEquals("947-12", page.getString("checkpoint"));
    assertEquals("947-12", page.getJsonArray("events").getJsonObject(0).getString("position"));
  }

  @Test
  void writesAnUpcastErrorOnlyWhenThereIsOne() throws Exception {
    EventView failed =
        new EventView(
            EVENT.eventId(),
            EVENT.streamId(),
            EVENT.type(),
            EVENT.version(),
            EVENT.position(),
            EVENT.data(),
            EVENT.metadata(),
            EVENT.recordedAt(),
            1,
            "upcaster \"X\" failed");
    JsonObject e =
        write(new AllPageView(List.of(failed), "947-12")).getJsonArray("events").getJsonObject(0);
    assertEquals("upcaster \"X\" failed", e.getString("upcastError"));
    assertEquals(1, e.getInt("schemaVersion"));
  }

  @Test
  void aSmallPageIsOneWriteAndNothingIsFlushed() throws Exception {
    CountingStream out = new CountingStream();
    StreamPageView page = new StreamPageView(List.of(EVENT), null);
    new EventPagesWriter().writeTo(page, page.getClass(), page.getClass(), null, null, null, out);
    assertEquals(1, out.writes);
    assertEquals(0, out.flushes);
  }

  @Test
  void aLargePageIsWrittenInPiecesThatMakeOneDocument() throws Exception {
    List<EventView> many = java.util.Collections.nCopies(1000, EVENT);
    CountingStream out = new CountingStream();
    StreamPageView page = new StreamPageView(many, 1001L);
    new EventPagesWriter().writeTo(page, page.getClass(), page.getClass(), null, null, null, out);
    assertEquals(0, out.flushes);
    org.junit.jupiter.api.Assertions.assertTrue(out.writes > 1, "writes: " + out.writes);
    JsonObject parsed =
        Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readObject();
    assertEquals(1000, parsed.getJsonArray("events").size());
    assertEquals(
        "a \"quoted\" ü",
        parsed.getJsonArray("events").getJsonObject(999).getJsonObject("data").getString("note"));
    assertEquals(1001, parsed.getInt("next"));
  }

  /** Counts the writes and flushes it is given. */
  private static final class CountingStream extends ByteArrayOutputStream {
    int writes;
    int flushes;

    @Override
    public void write(byte[] b, int off, int len) {
      writes++;
      super.write(b, off, len);
    }

    @Override
    public void write(byte[] b) {
      write(b, 0, b.length);
    }

    @Override
    public void write(int b) {
      writes++;
      super.write(b);
    }

    @Override
    public void flush() {
      flushes++;
    }
  }

  private static JsonObject write(Object page) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new EventPagesWriter().writeTo(page, page.getClass(), page.getClass(), null, null, null, out);
    return Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readObject();
  }
}
