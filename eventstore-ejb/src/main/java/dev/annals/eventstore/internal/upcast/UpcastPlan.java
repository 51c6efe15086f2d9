package dev.annals.eventstore.internal.upcast;

import dev.annals.eventstore.api.JsonText;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.upcast.UpcastEvent;
import dev.annals.eventstore.api.upcast.Upcaster;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The upcasters that apply to one tenant's events, by event type and the schema version they lift
 * from: the application's Java upcasters, overridden by the tenant's declarative ones for the same
 * type and version. Immutable; a lookup is two hash lookups, so checking whether an event needs
 * lifting costs next to nothing, and only events that do are parsed and written again.
 */
final class UpcastPlan {

  /** No upcasters at all. */
  static final UpcastPlan EMPTY = new UpcastPlan(Map.of());

  private final Map<String, Map<Integer, Upcaster>> byType;

  private UpcastPlan(Map<String, Map<Integer, Upcaster>> byType) {
    this.byType = byType;
  }

  /** Java upcasters, then declarative ones (which take the place of a Java one). */
  static UpcastPlan of(Collection<Upcaster> java, Collection<? extends Upcaster> declarative) {
    if (java.isEmpty() && declarative.isEmpty()) {
      return EMPTY;
    }
    Map<String, Map<Integer, Upcaster>> m = new HashMap<>();
    for (Upcaster u : java) {
      m.computeIfAbsent(u.eventType(), t -> new HashMap<>()).put(u.fromVersion(), u);
    }
    for (Upcaster u : declarative) {
      m.computeIfAbsent(u.eventType(), t -> new HashMap<>()).put(u.fromVersion(), u);
    }
    return new UpcastPlan(Map.copyOf(m));
  }

  boolean isEmpty() {
    return byType.isEmpty();
  }

  /** The stored event types some upcaster lifts (and may rename). */
  java.util.Set<String> types() {
    return byType.keySet();
  }

  /** The upcaster for {@code type} at {@code version}, or null. */
  Upcaster find(String type, int version) {
    Map<Integer, Upcaster> versions = byType.get(type);
    return versions == null ? null : versions.get(version);
  }

  /** Whether some upcaster lifts this event. */
  boolean applies(RecordedEvent e) {
    return find(e.type(), e.schemaVersion()) != null;
  }

  /**
   * The event lifted through every upcaster in turn (1→2→3…), each for the type and version the
   * previous one left. Versions only grow, so the chain ends.
   *
   * @throws UpcastStepException when an upcaster throws or returns nothing
   */
  RecordedEvent lift(RecordedEvent e) {
    RecordedEvent members = liftMembers(e);
    if (members != null) {
      return members;
    }
    UpcastEvent current = new UpcastEvent(e.type(), parse(e.data()));
    int version = e.schemaVersion();
    for (Upcaster u = find(e.type(), version); u != null; u = find(current.type(), version)) {
      try {
        current = Objects.requireNonNull(u.upcast(current), "the upcaster returned null");
      } catch (RuntimeException failure) {
        throw new UpcastStepException(u, current.type(), version, failure);
      }
      version++;
    }
    return e.lifted(current.type(), version, JsonText.of(current.data()));
  }

  /**
   * The event lifted on its payload's members ({@link ObjectMembers}) when every upcaster of its
   * chain is a declarative one and the payload is an object whose paths the operations follow; else
   * null, and the caller lifts it on a JSON-P tree. Both give the same payload.
   */
  private RecordedEvent liftMembers(RecordedEvent e) {
    String type = e.type();
    int version = e.schemaVersion();
    ObjectMembers data = null;
    try {
      for (Upcaster u = find(type, version); u != null; u = find(type, version)) {
        if (!(u instanceof DeclarativeUpcaster declarative)) {
          return null;
        }
        if (data == null && (data = ObjectMembers.scan(e.data())) == null) {
          return null;
        }
        type = declarative.upcast(type, data);
        version++;
      }
    } catch (ObjectMembers.Unsupported treeOnly) {
      return null;
    }
    return data == null ? null : e.lifted(type, version, data.text());
  }

  private static JsonValue parse(String json) {
    try (JsonReader r = Pointers.JSON.createReader(new StringReader(json))) {
      return r.readValue();
    }
  }

  /** One upcaster of a chain failed. */
  static final class UpcastStepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UpcastStepException(Upcaster u, String type, int version, RuntimeException cause) {
      super(
          (u instanceof DeclarativeUpcaster ? "declarative upcaster " : "upcaster ")
              + type
              + " from version "
              + version
              + " failed: "
              + (cause.getMessage() == null
                  ? cause.getClass().getSimpleName()
                  : cause.getClass().getSimpleName() + ": " + cause.getMessage()),
          cause);
    }
  }
}
