package dev.annals.eventstore.internal.upcast;

import dev.annals.eventstore.api.JsonText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An object payload as its members in order, each value kept as the JSON text it was stored as
 * until an edit needs to look inside it (then it becomes an {@code ObjectMembers} of its own). A
 * chain of declarative upcasters needs no more when every pointer it follows goes through objects:
 * the payload is scanned once, the operations edit the members, and the text is written once,
 * without building a JSON-P tree of every value and writing it all out again. On the tree, reading
 * 1,000 events through the benchmark's two upcasters cost about three times the plain read
 * (bench/RESULTS.md; issue 12 asks for at most 1.5×).
 *
 * <p>Written by hand because JSON-P's streaming parser cannot hand out a value's text unparsed. The
 * scanner expects what PostgreSQL's jsonb writes (valid JSON, no duplicate keys) and gives up on
 * anything else, as the edits do on an array or a scalar where a pointer needs an object: {@link
 * Unsupported}, after which the caller takes the tree path, which also reports real errors. The
 * edits behave as JSON-P's builders and pointers do: a removed member leaves its place, a new one
 * goes to the end, an existing one keeps its place, missing parent objects of a target are created.
 */
final class ObjectMembers {

  /** Raised where the members cannot follow the tree path; the caller takes that path instead. */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Unsupported() {
      super("not an object path", null, false, false);
    }
  }

  private static final Unsupported UNSUPPORTED = new Unsupported();

  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  /** Each value: its JSON text as stored, or the members of an object being edited. */
  private final LinkedHashMap<String, Object> members;

  private final int length;

  private ObjectMembers(LinkedHashMap<String, Object> members, int length) {
    this.members = members;
    this.length = length;
  }

  /** The members of {@code json}, or null when it is not one JSON object this scanner reads. */
  static ObjectMembers scan(String json) {
    int n = json.length();
    int i = skipSpace(json, 0);
    if (i >= n || json.charAt(i) != '{') {
      return null;
    }
    LinkedHashMap<String, Object> members = new LinkedHashMap<>();
    i = skipSpace(json, i + 1);
    if (i < n && json.charAt(i) == '}') {
      return skipSpace(json, i + 1) == n ? new ObjectMembers(members, n) : null;
    }
    while (i < n && json.charAt(i) == '"') {
      int keyEnd = endOfString(json, i);
      if (keyEnd < 0) {
        return null;
      }
      String key = unquote(json, i, keyEnd);
      i = skipSpace(json, keyEnd);
      if (key == null || i >= n || json.charAt(i) != ':') {
        return null;
      }
      int valueStart = skipSpace(json, i + 1);
      int valueEnd = endOfValue(json, valueStart);
      if (valueEnd < 0 || members.put(key, json.substring(valueStart, valueEnd)) != null) {
        return null;
      }
      i = skipSpace(json, valueEnd);
      if (i < n && json.charAt(i) == ',') {
        i = skipSpace(json, i + 1);
      } else if (i < n && json.charAt(i) == '}') {
        return skipSpace(json, i + 1) == n ? new ObjectMembers(members, n) : null;
      } else {
        return null;
      }
    }
    return null;
  }

  /** Whether {@code path} (pointer segments) names a value; false below a missing member. */
  boolean has(List<String> path) {
    ObjectMembers parent = parent(path, false);
    return parent != null && parent.members.containsKey(last(path));
  }

  /** The value at {@code path}: JSON text or members; null when absent. */
  Object get(List<String> path) {
    ObjectMembers parent = parent(path, false);
    return parent == null ? null : parent.members.get(last(path));
  }

  /** Removes the value at {@code path}, if any. */
  void remove(List<String> path) {
    ObjectMembers parent = parent(path, false);
    if (parent != null) {
      parent.members.remove(last(path));
    }
  }

  /**
   * Sets the value at {@code path} (JSON text or members, from {@link #get}): in its place if
   * present, else at the end, after creating missing parent objects.
   */
  void put(List<String> path, Object value) {
    parent(path, true).members.put(last(path), value);
  }

  /**
   * The object holding {@code path}'s last segment; null when a parent is missing and {@code
   * create} is false.
   *
   * @throws Unsupported when the path is empty or a parent is not an object
   */
  private ObjectMembers parent(List<String> path, boolean create) {
    if (path.isEmpty()) {
      throw UNSUPPORTED;
    }
    ObjectMembers at = this;
    for (int i = 0; i < path.size() - 1; i++) {
      Object child = at.members.get(path.get(i));
      if (child == null) {
        if (!create) {
          return null;
        }
        child = new ObjectMembers(new LinkedHashMap<>(), 2);
        at.members.put(path.get(i), child);
      } else if (child instanceof String text) {
        ObjectMembers scanned = text.startsWith("{") ? scan(text) : null;
        if (scanned == null) {
          throw UNSUPPORTED;
        }
        at.members.put(path.get(i), scanned);
        child = scanned;
      }
      at = (ObjectMembers) child;
    }
    return at;
  }

  private static String last(List<String> path) {
    return path.get(path.size() - 1);
  }

  /** The object as compact JSON text around the values' stored text. */
  String text() {
    StringBuilder out = new StringBuilder(length + 16);
    appendTo(out);
    return out.toString();
  }

  private void appendTo(StringBuilder out) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> m : members.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      JsonText.string(out, m.getKey());
      out.append(':');
      if (m.getValue() instanceof ObjectMembers o) {
        o.appendTo(out);
      } else {
        out.append((String) m.getValue());
      }
    }
    out.append('}');
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return i;
      }
      i++;
    }
    return i;
  }

  /** The index after the string starting at {@code i} (a quote), or -1 when it does not end. */
  private static int endOfString(String s, int i) {
    for (int j = i + 1; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '"') {
        return j + 1;
      } else if (c < 0x20) {
        return -1;
      }
    }
    return -1;
  }

  /** The index after the value starting at {@code i}, or -1 when it is not one. */
  private static int endOfValue(String s, int i) {
    if (i >= s.length()) {
      return -1;
    }
    char c = s.charAt(i);
    if (c == '"') {
      return endOfString(s, i);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      for (int j = i; j < s.length(); j++) {
        char d = s.charAt(j);
        if (d == '"') {
          j = endOfString(s, j);
          if (j < 0) {
            return -1;
          }
          j--;
        } else if (d == '{' || d == '[') {
          depth++;
        } else if ((d == '}' || d == ']') && --depth == 0) {
          return j + 1;
        }
      }
      return -1;
    }
    int j = i;
    while (j < s.length() && isScalarChar(s.charAt(j))) {
      j++;
    }
    return j > i && isScalar(s.substring(i, j)) ? j : -1;
  }

  private static boolean isScalarChar(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || c == '-'
        || c == '+'
        || c == '.'
        || c == 'E';
  }

  private static boolean isScalar(String t) {
    return t.equals("true") || t.equals("false") || t.equals("null") || NUMBER.matcher(t).matches();
  }

  /**
   * The key between the quotes at {@code start} and {@code end - 1}, escapes decoded; null if bad.
   */
  private static String unquote(String s, int start, int end) {
    String body = s.substring(start + 1, end - 1);
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= body.length()) {
        return null;
      }
      switch (body.charAt(i)) {
        case '"' -> out.append('"');
        case '\\' -> out.append('\\');
        case '/' -> out.append('/');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (i + 4 >= body.length()) {
            return null;
          }
          try {
            out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
          } catch (NumberFormatException e) {
            return null;
          }
          i += 4;
        }
        default -> {
          return null;
        }
      }
    }
    return out.toString();
  }
}
