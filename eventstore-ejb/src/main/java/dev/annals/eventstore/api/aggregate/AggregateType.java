package dev.annals.eventstore.api.aggregate;

import dev.annals.eventstore.api.EventType;
import dev.annals.eventstore.api.StreamId;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * What the event store needs to know about one kind of aggregate: its stream category, how its
 * events and its snapshots look as JSON. One stateless instance per kind; the aggregate class
 * itself stays free of serialization.
 *
 * @param <A> the aggregate
 * @param <E> its event type
 */
public interface AggregateType<A extends Aggregate<E>, E> {

  /**
   * The stream category: the aggregate {@code x} lives in stream {@code <category>-x}. Snapshot
   * policy is configured per category.
   */
  String category();

  /** A fresh aggregate before its first event. */
  A blank(String id);

  /**
   * An event as stored.
   *
   * @param event the event
   * @return its type and data
   */
  Encoded encode(E event);

  /**
   * A stored event as the aggregate's event.
   *
   * @param type the stored type
   * @param data the stored data
   * @throws IllegalArgumentException when the type is unknown or the data does not fit it
   */
  E decode(String type, JsonValue data);

  /** The schema version of the snapshots {@link #snapshot} writes. */
  int snapshotSchemaVersion();

  /** Whether {@link #restore} reads snapshots of this schema version. */
  default boolean readsSnapshotSchema(int schemaVersion) {
    return schemaVersion == snapshotSchemaVersion();
  }

  /** The aggregate's state as a snapshot of {@link #snapshotSchemaVersion()}. */
  JsonObject snapshot(A aggregate);

  /**
   * An aggregate in a snapshot's state (its version is set by the caller).
   *
   * @param id the aggregate's id
   * @param schemaVersion the snapshot's schema version, one {@link #readsSnapshotSchema} accepts
   * @param state the snapshot's state
   * @throws RuntimeException when the state does not decode: the snapshot is then ignored
   */
  A restore(String id, int schemaVersion, JsonValue state);

  /**
   * An aggregate in a snapshot's state read from its stored JSON text, or empty to have the text
   * parsed into a tree and given to {@link #restore(String, int, JsonValue)} (the default). A type
   * whose state is large (a long list) can read the text with a streaming parser instead; it must
   * accept and refuse exactly what {@link #restore(String, int, JsonValue)} does.
   *
   * @throws RuntimeException when the state does not decode: the snapshot is then ignored
   */
  default Optional<A> restoreText(String id, int schemaVersion, String state) {
    return Optional.empty();
  }

  /** The aggregate's stream. */
  default StreamId streamOf(String id) {
    return new StreamId(category() + "-" + id);
  }

  /**
   * An event in its stored form.
   *
   * @param type the event type
   * @param data the payload
   */
  record Encoded(EventType type, JsonObject data) {}
}
