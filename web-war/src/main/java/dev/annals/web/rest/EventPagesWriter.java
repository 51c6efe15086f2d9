package dev.annals.web.rest;

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
    w.write('[');
    for (int i = 0; i < events.size(); i++) {
      EventView e = events.get(i);
      if (i > 0) {
        w.write(',');
      }
      w.write("{\"eventId\":");
      string(w, e.eventId());
      w.write(",\"streamId\":");
      string(w, e.streamId());
      w.write(",\"type\":");
      string(w, e.type());
      w.write(",\"version\":");
      w.write(Long.toString(e.version()));
      w.write(",\"position\":");
      string(w, e.position());
      w.write(",\"data\":");
      w.write(e.data());
      w.write(",\"metadata\":");
      w.write(e.metadata());
      w.write(",\"recordedAt\":");
      string(w, e.recordedAt());
      w.write('}');
    }
    w.write(']');
  }

  /** A JSON string (RFC 8259: quote, backslash and control characters escaped). */
  static void string(Writer w, String s) throws IOException {
    w.write('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> w.write("\\\"");
        case '\\' -> w.write("\\\\");
        case '\n' -> w.write("\\n");
        case '\r' -> w.write("\\r");
        case '\t' -> w.write("\\t");
        default -> {
          if (c < 0x20) {
            w.write(String.format("\\u%04x", (int) c));
          } else {
            w.write(c);
          }
        }
      }
    }
    w.write('"');
  }
}
