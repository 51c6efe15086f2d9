package dev.annals.web.rest;

import dev.annals.eventstore.api.JsonText;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes pages of events as JSON straight onto the response. Stored {@code data} and {@code
 * metadata} are PostgreSQL's {@code jsonb} text, valid JSON already: they are copied, not parsed
 * into trees and serialised again (which made a 1,000-event page cost ten times the database read:
 * see bench/RESULTS.md). Every other value is a string escaped here or a number.
 *
 * <p>The page is built as text and handed to the response in pieces of about {@value #CHUNK_CHARS}
 * characters, never flushed: a small page is one write the container sends whole, with its length
 * (a writer with buffers of its own, flushed at the end, cost a 1-event read a tenth of its CPU and
 * sent the page in chunks).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class EventPagesWriter implements MessageBodyWriter<Object> {

  /** About this much text is written to the response at a time. */
  static final int CHUNK_CHARS = 16 * 1024;

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == StreamPageView.class || type == AllPageView.class;
  }

  @Override
  public void writeTo(
      Object page,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream out)
      throws IOException {
    StringBuilder b = new StringBuilder(1024);
    b.append("{\"events\":[");
    List<EventView> events =
        page instanceof StreamPageView stream ? stream.events() : ((AllPageView) page).events();
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      event(b, events.get(i));
      if (b.length() >= CHUNK_CHARS) {
        out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        b.setLength(0);
      }
    }
    b.append(']');
    if (page instanceof StreamPageView stream) {
      b.append(",\"next\":").append(stream.next() == null ? "null" : stream.next().toString());
    } else {
      b.append(",\"checkpoint\":");
      JsonText.string(b, ((AllPageView) page).checkpoint());
    }
    b.append('}');
    out.write(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Appends one event as JSON, the shape every read returns (the live feed sends the same).
   *
   * @param b where to append
   * @param e the event
   */
  public static void event(StringBuilder b, EventView e) {
    JsonText.event(
        b,
        e.eventId(),
        e.streamId(),
        e.type(),
        e.version(),
        e.position(),
        e.data(),
        e.metadata(),
        e.recordedAt(),
        e.schemaVersion(),
        e.upcastError());
  }
}
