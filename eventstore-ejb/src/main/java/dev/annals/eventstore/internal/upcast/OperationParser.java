package dev.annals.eventstore.internal.upcast;

import dev.annals.eventstore.api.EventType;
import dev.annals.eventstore.api.JsonText;
import dev.annals.tenancy.api.InvalidRequestException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a declarative upcaster's operations, refusing anything it cannot apply with a message that
 * names the place: {@code operations[2].move.to}.
 */
final class OperationParser {

  /** Most operations in one upcaster. */
  static final int MAX_OPERATIONS = 100;

  /** Longest JSON Pointer. */
  static final int MAX_POINTER = 1000;

  /** A '~' that is not the escape ~0 or ~1 (RFC 6901). */
  private static final java.util.regex.Pattern BAD_ESCAPE =
      java.util.regex.Pattern.compile("~(?![01])");

  private static final Set<String> KINDS = Set.of("rename", "add", "remove", "move", "renameType");

  private OperationParser() {}

  /**
   * @param operations the definition's operations
   * @return them, parsed, in order
   * @throws InvalidRequestException naming the operation and field at fault
   */
  static List<Operation> parse(JsonValue operations) {
    if (!(operations instanceof JsonArray array)) {
      throw new InvalidRequestException("'operations' is required and must be an array");
    }
    if (array.isEmpty() || array.size() > MAX_OPERATIONS) {
      throw new InvalidRequestException(
          "'operations' must hold 1 to " + MAX_OPERATIONS + " operations, has " + array.size());
    }
    List<Operation> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(operation(array.get(i), "operations[" + i + "]"));
    }
    return out;
  }

  private static Operation operation(JsonValue value, String where) {
    if (!(value instanceof JsonObject o) || o.size() != 1) {
      throw new InvalidRequestException(
          where + " must be an object with exactly one of " + String.join(", ", sorted()));
    }
    String kind = o.keySet().iterator().next();
    JsonValue arg = o.get(kind);
    String at = where + "." + kind;
    return switch (kind) {
      case "rename" -> {
        JsonObject a = object(arg, at, "from", "to");
        String from = pointer(a.get("from"), at + ".from");
        String to = pointer(a.get("to"), at + ".to");
        if (!parent(from).equals(parent(to))) {
          throw new InvalidRequestException(
              at + " renames a member in place: 'from' and 'to' need the same parent (use move)");
        }
        if (from.equals(to)) {
          throw new InvalidRequestException(at + ": 'from' and 'to' are the same");
        }
        yield new Operation.Rename(from, to);
      }
      case "move" -> {
        JsonObject a = object(arg, at, "from", "to");
        String from = pointer(a.get("from"), at + ".from");
        String to = pointer(a.get("to"), at + ".to");
        if (from.equals(to) || to.startsWith(from + "/")) {
          throw new InvalidRequestException(
              at + ": 'to' may not be 'from' or inside it, was " + JsonText.quoted(to, 100));
        }
        yield new Operation.Move(from, to);
      }
      case "add" -> {
        JsonObject a = object(arg, at, "path", "value");
        yield new Operation.Add(pointer(a.get("path"), at + ".path"), a.get("value"));
      }
      case "remove" -> new Operation.Remove(pointer(arg, at));
      case "renameType" -> {
        if (!(arg instanceof JsonString s)) {
          throw new InvalidRequestException(at + " must be an event type (a string)");
        }
        try {
          yield new Operation.RenameType(new EventType(s.getString()).value());
        } catch (InvalidRequestException e) {
          throw new InvalidRequestException(at + ": " + e.getMessage());
        }
      }
      default ->
          throw new InvalidRequestException(
              where
                  + " names an unknown operation "
                  + JsonText.quoted(kind, 100)
                  + ": use one of "
                  + String.join(", ", sorted()));
    };
  }

  private static JsonObject object(JsonValue arg, String at, String first, String second) {
    if (!(arg instanceof JsonObject a)
        || a.size() != 2
        || !a.containsKey(first)
        || !a.containsKey(second)) {
      throw new InvalidRequestException(
          at + " must be an object with exactly '" + first + "' and '" + second + "'");
    }
    return a;
  }

  private static String pointer(JsonValue value, String at) {
    if (!(value instanceof JsonString s)) {
      throw new InvalidRequestException(at + " must be a JSON Pointer string such as \"/qty\"");
    }
    String p = s.getString();
    if (p.isEmpty() || p.charAt(0) != '/' || p.length() > MAX_POINTER) {
      throw new InvalidRequestException(
          at
              + " must be a JSON Pointer into the payload: '/' then the member, at most "
              + MAX_POINTER
              + " characters, was "
              + JsonText.quoted(p, 100));
    }
    try {
      if (BAD_ESCAPE.matcher(p).find()) {
        throw new JsonException("'~' must be followed by 0 or 1");
      }
      Pointers.of(p);
    } catch (JsonException e) {
      throw new InvalidRequestException(
          at + " is no valid JSON Pointer (RFC 6901): " + JsonText.quoted(p, 100));
    }
    return p;
  }

  private static String parent(String pointer) {
    return pointer.substring(0, pointer.lastIndexOf('/'));
  }

  private static List<String> sorted() {
    return KINDS.stream().sorted().toList();
  }
}
