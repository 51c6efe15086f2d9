package dev.annals.eventstore.internal.upcast;

import dev.annals.eventstore.api.JsonText;
import dev.annals.eventstore.api.upcast.UpcastEvent;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * One operation of a declarative upcaster, applied to an event's type and payload. Pointers are
 * JSON Pointers (RFC 6901) into the payload, handled by JSON-P's {@code JsonPointer}; operations
 * whose source is absent change nothing, and missing parent objects of a target are created.
 */
sealed interface Operation {

  /** Applies the operation; throws when the payload's shape does not allow it. */
  UpcastEvent apply(UpcastEvent event);

  /**
   * Applies the operation to an object payload's members, as {@link #apply} would to the object.
   *
   * @return the event type after it
   * @throws ObjectMembers.Unsupported where the members cannot follow {@link #apply}
   */
  String applyTo(String type, ObjectMembers data);

  /** {@code {"rename": {"from", "to"}}}: a member renamed in place (same parent). */
  record Rename(String from, String to) implements Operation {
    @Override
    public UpcastEvent apply(UpcastEvent event) {
      return relocate(event, from, to);
    }

    @Override
    public String applyTo(String type, ObjectMembers data) {
      relocate(data, from, to);
      return type;
    }
  }

  /** {@code {"move": {"from", "to"}}}: a value moved anywhere else in the payload. */
  record Move(String from, String to) implements Operation {
    @Override
    public UpcastEvent apply(UpcastEvent event) {
      return relocate(event, from, to);
    }

    @Override
    public String applyTo(String type, ObjectMembers data) {
      relocate(data, from, to);
      return type;
    }
  }

  /** {@code {"add": {"path", "value"}}}: a value added where nothing is. */
  record Add(String path, JsonValue value) implements Operation {
    @Override
    public UpcastEvent apply(UpcastEvent event) {
      JsonStructure data = structure(event);
      if (present(data, path)) {
        return event;
      }
      String member = Pointers.parsed(path).member();
      if (member != null && data instanceof JsonObject o) {
        return event.withData(Pointers.JSON.createObjectBuilder(o).add(member, value).build());
      }
      return event.withData(Pointers.of(path).add(withParents(data, path), value));
    }

    @Override
    public String applyTo(String type, ObjectMembers data) {
      List<String> at = Pointers.parsed(path).segments();
      if (!data.has(at)) {
        data.put(at, JsonText.of(value));
      }
      return type;
    }
  }

  /** {@code {"remove": "/path"}}: a value removed, if there. */
  record Remove(String path) implements Operation {
    @Override
    public UpcastEvent apply(UpcastEvent event) {
      JsonStructure data = structure(event);
      if (!present(data, path)) {
        return event;
      }
      String member = Pointers.parsed(path).member();
      if (member != null && data instanceof JsonObject o) {
        return event.withData(Pointers.JSON.createObjectBuilder(o).remove(member).build());
      }
      return event.withData(Pointers.of(path).remove(data));
    }

    @Override
    public String applyTo(String type, ObjectMembers data) {
      data.remove(Pointers.parsed(path).segments());
      return type;
    }
  }

  /** {@code {"renameType": "NewType"}}: the event's type renamed. */
  record RenameType(String type) implements Operation {
    @Override
    public UpcastEvent apply(UpcastEvent event) {
      return event.withType(type);
    }

    @Override
    public String applyTo(String before, ObjectMembers data) {
      return type;
    }
  }

  private static UpcastEvent relocate(UpcastEvent event, String from, String to) {
    JsonStructure data = structure(event);
    if (!present(data, from)) {
      return event;
    }
    String source = Pointers.parsed(from).member();
    String target = Pointers.parsed(to).member();
    if (source != null && data instanceof JsonObject o) {
      // a top-level member: one copy of the object instead of a pointer walk per step
      JsonValue value = o.get(source);
      JsonObjectBuilder without = Pointers.JSON.createObjectBuilder(o).remove(source);
      if (target != null) {
        return event.withData(without.add(target, value).build());
      }
      return event.withData(Pointers.of(to).add(withParents(without.build(), to), value));
    }
    JsonValue value = Pointers.of(from).getValue(data);
    JsonStructure without = Pointers.of(from).remove(data);
    return event.withData(Pointers.of(to).add(withParents(without, to), value));
  }

  private static void relocate(ObjectMembers data, String from, String to) {
    List<String> source = Pointers.parsed(from).segments();
    Object value = data.get(source);
    if (value != null) {
      data.remove(source);
      data.put(Pointers.parsed(to).segments(), value);
    }
  }

  private static JsonStructure structure(UpcastEvent event) {
    if (event.data() instanceof JsonStructure s) {
      return s;
    }
    throw new JsonException(
        "the payload is "
            + event.data().getValueType().name().toLowerCase(java.util.Locale.ROOT)
            + ", not an object or array");
  }

  /** Whether {@code pointer} names a value in {@code data}. */
  static boolean present(JsonStructure data, String pointer) {
    return Pointers.present(data, pointer);
  }

  /** {@code data} with an empty object at every missing ancestor of {@code pointer}. */
  private static JsonStructure withParents(JsonStructure data, String pointer) {
    JsonStructure out = data;
    for (int slash = pointer.indexOf('/', 1); slash > 0; slash = pointer.indexOf('/', slash + 1)) {
      String ancestor = pointer.substring(0, slash);
      if (!present(out, ancestor)) {
        out = Pointers.of(ancestor).add(out, JsonValue.EMPTY_JSON_OBJECT);
      }
    }
    return out;
  }
}
