package dev.annals.web.rest;

import dev.annals.eventstore.api.JsonText;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes pages of events as JSON straight onto the response. Stored {@code data} and {@code
 * metadata} are PostgreSQL's {@code jsonb} text, valid JSON already: they are copied, not parsed
 * into trees and serialised again (which made a 1,000-event page cost ten times the database read:
 * see bench/RESULTS.md). Every other value is a string escaped here or a number.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class EventPagesWriter implements MessageBodyWriter<Object> {

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
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
    if (page instanceof StreamPageView stream) {
      w.write("{\"events\":");
      events(w, stream.events());
      w.write(",\"next\":");
      w.write(stream.next() == null ? "null" : stream.next().toString());
    } else {
      AllPageView all = (AllPageView) page;
      w.write("{\"events\":");
      events(w, all.events());
      w.write(",\"checkpoint\":");
      string(w, all.checkpoint());
    }
    w.write('}');
    w.flush();
  }

  private static void events(Writer w, List<EventView> events) throws IOException {
    StringBuilder b = new StringBuilder(1024);
    w.write('[');
    for (int i = 0; i < events.size(); i++) {
      EventView e = events.get(i);
      b.setLength(0);
      if (i > 0) {
        b.append(',');
      }
      event(b, e);
      w.append(b);
    }
    w.write(']');
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

  private static void string(Writer w, String s) throws IOException {
    StringBuilder b = new StringBuilder(s.length() + 2);
    JsonText.string(b, s);
    w.append(b);
  }
}
