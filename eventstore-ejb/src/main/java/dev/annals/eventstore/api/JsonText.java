package dev.annals.eventstore.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Compact JSON text of a JSON-P value, written into a {@link StringBuilder}. Written by hand
 * because the library's way ({@code JsonValue.toString()}) builds a writer and a generator with a
 * pooled buffer for every value: for a 100-event append, the 200 calls were half of the event
 * store's own CPU time (profile in bench/RESULTS.md). Output is the same compact RFC 8259 text. The
 * HTTP layer writes event pages with it too. An unpaired surrogate is written as a {@code \\u}
 * escape: it has no UTF-8 form, and a raw one would silently become {@code ?} on the wire.
 */
public final class JsonText {

  private JsonText() {}

  /** {@code value} as compact JSON text. */
  public static String of(JsonValue value) {
    StringBuilder out = new StringBuilder(256);
    append(out, value);
    return out.toString();
  }

  /** Appends {@code value} as compact JSON text. */
  public static void append(StringBuilder out, JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          string(out, e.getKey());
          out.append(':');
          append(out, e.getValue());
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        JsonArray array = (JsonArray) value;
        for (int i = 0; i < array.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          append(out, array.get(i));
        }
        out.append(']');
      }
      case STRING -> string(out, ((JsonString) value).getString());
      case NUMBER -> out.append(((JsonNumber) value).toString());
      case TRUE -> out.append("true");
      case FALSE -> out.append("false");
      case NULL -> out.append("null");
    }
  }

  /** A JSON string: quote, backslash and control characters escaped. */
  public static void string(StringBuilder out, String s) {
    out.append('"');
    int plain = plainPrefix(s);
    if (plain == s.length()) { // most strings: one copy, not a char at a time
      out.append(s).append('"');
      return;
    }
    out.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || (Character.isSurrogate(c) && !pairedAt(s, i))) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * An event as reads return it: {@code data} and {@code metadata} are stored JSON text, copied as
   * they are; every other value is escaped here. The HTTP pages and webhook batches both write
   * events with it, so a consumer sees one shape.
   */
  public static void event(
      StringBuilder b,
      String eventId,
      String streamId,
      String type,
      long version,
      String position,
      String data,
      String metadata,
      String recordedAt) {
    event(b, eventId, streamId, type, version, position, data, metadata, recordedAt, 1, null);
  }

  /**
   * An event as reads return it, with its schema version and, when upcasting it failed, {@code
   * upcastError} (absent otherwise).
   */
  public static void event(
      StringBuilder b,
      String eventId,
      String streamId,
      String type,
      long version,
      String position,
      String data,
      String metadata,
      String recordedAt,
      int schemaVersion,
      String upcastError) {
    b.append("{\"eventId\":");
    string(b, eventId);
    b.append(",\"streamId\":");
    string(b, streamId);
    b.append(",\"type\":");
    string(b, type);
    b.append(",\"version\":").append(version).append(",\"position\":");
    string(b, position);
    b.append(",\"data\":").append(data).append(",\"metadata\":").append(metadata);
    b.append(",\"recordedAt\":");
    string(b, recordedAt);
    b.append(",\"schemaVersion\":").append(schemaVersion);
    if (upcastError != null) {
      b.append(",\"upcastError\":");
      string(b, upcastError);
    }
    b.append('}');
  }

  /**
   * A string as a JSON string literal for an error message, cut after {@code maxChars} characters
   * (a client's 10 KB key must not become a 10 KB message).
   */
  public static String quoted(String s, int maxChars) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), maxChars) + 3);
    string(out, s.length() <= maxChars ? s : s.substring(0, maxChars) + "…");
    return out.toString();
  }

  /** Whether the surrogate at {@code i} is half of a well-formed pair. */
  /** How many leading characters of {@code s} are written as they are (no escape, no surrogate). */
  private static int plainPrefix(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        return i;
      }
      i++;
    }
    return i;
  }

  private static boolean pairedAt(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
