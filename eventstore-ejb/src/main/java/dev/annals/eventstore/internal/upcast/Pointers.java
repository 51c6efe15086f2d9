package dev.annals.eventstore.internal.upcast;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonPointer;
import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Pointers through one JSON-P provider, looked up once: {@code Json.createPointer} and {@code
 * Json.createReader} look the provider up on every call (a service-loader scan), which made reading
 * 1,000 upcast events take seconds. Pointers are parsed once per distinct text (an upcaster's
 * operations meet every event they lift), and a pointer to a member of the payload's top level is
 * recognised, so operations on it can work on the object directly.
 */
final class Pointers {

  /** The provider every upcasting step uses. */
  static final JsonProvider JSON = JsonProvider.provider();

  /** Distinct pointer texts kept parsed at most (they come from upcaster definitions). */
  static final int MAX_CACHED = 10_000;

  private static final ConcurrentHashMap<String, Parsed> CACHE = new ConcurrentHashMap<>();

  /**
   * A parsed pointer.
   *
   * @param pointer the JSON-P pointer
   * @param member the top-level member it names ({@code "/a~1b"} names {@code "a/b"}), or null when
   *     it names something deeper (or the whole document)
   * @param segments its reference tokens, unescaped (empty for the whole document)
   */
  record Parsed(JsonPointer pointer, String member, List<String> segments) {}

  private Pointers() {}

  /** The pointer {@code p} (an RFC 6901 string). */
  static JsonPointer of(String p) {
    return parsed(p).pointer();
  }

  /** The pointer {@code p}, parsed once. */
  static Parsed parsed(String p) {
    Parsed known = CACHE.get(p);
    if (known != null) {
      return known;
    }
    Parsed fresh = new Parsed(JSON.createPointer(p), member(p), segments(p));
    if (CACHE.size() < MAX_CACHED) {
      CACHE.putIfAbsent(p, fresh);
    }
    return fresh;
  }

  /** Whether {@code pointer} names a value in {@code data} (false also below a missing parent). */
  static boolean present(JsonStructure data, String pointer) {
    Parsed p = parsed(pointer);
    if (p.member() != null && data instanceof JsonObject o) {
      return o.containsKey(p.member());
    }
    try {
      return p.pointer().containsValue(data);
    } catch (JsonException e) {
      return false; // a missing parent, or an array index that is no number
    }
  }

  /** The reference tokens of {@code p} (a valid pointer), unescaped. */
  private static List<String> segments(String p) {
    List<String> out = new ArrayList<>();
    for (int from = 1, to; from <= p.length(); from = to + 1) {
      to = p.indexOf('/', from);
      if (to < 0) {
        to = p.length();
      }
      out.add(p.substring(from, to).replace("~1", "/").replace("~0", "~"));
    }
    return List.copyOf(out);
  }

  /** The top-level member {@code p} names, unescaped; null when it has more than one level. */
  private static String member(String p) {
    if (p.length() < 2 || p.charAt(0) != '/' || p.indexOf('/', 1) >= 0) {
      return null;
    }
    return p.substring(1).replace("~1", "/").replace("~0", "~");
  }
}
