package dev.annals.eventstore.api.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The base of an event-sourced aggregate: its state is what its events made of it. A subclass
 * decides on commands in its own methods, which check the state and then {@link #raise} events;
 * {@link #apply} changes the state for one event and never refuses (a stored event happened). The
 * version it was loaded at is what saving expects the stream to be at, so a concurrent change is a
 * conflict rather than a lost update.
 *
 * @param <E> the aggregate's event type (a sealed interface of records)
 */
public abstract class Aggregate<E> {

  private final String id;
  private long loadedVersion;
  private final List<E> raised = new ArrayList<>();

  /**
   * @param id the aggregate's id (its stream is {@code <category>-<id>})
   */
  protected Aggregate(String id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  /** The aggregate's id. */
  public final String id() {
    return id;
  }

  /** The stream version this state reflects, raised events included. */
  public final long version() {
    return loadedVersion + raised.size();
  }

  /** The stream's version when this state was loaded or last saved: the expected version. */
  public final long loadedVersion() {
    return loadedVersion;
  }

  /** Events raised since loading, not yet saved, oldest first. */
  public final List<E> raisedEvents() {
    return List.copyOf(raised);
  }

  /** Changes the state for one event. Never refuses: the event happened. */
  protected abstract void apply(E event);

  /** Applies a new event and keeps it for saving. Call after checking the command is allowed. */
  protected final void raise(E event) {
    apply(Objects.requireNonNull(event, "event"));
    raised.add(event);
  }

  /**
   * Refuses a command that breaks a business rule.
   *
   * @param holds whether the rule holds
   * @param rule the rule's stable name, e.g. {@code start-once}
   * @param detail what is wrong and what the caller can do
   * @throws BusinessRuleViolationException when it does not hold
   */
  protected static void require(boolean holds, String rule, String detail) {
    if (!holds) {
      throw new BusinessRuleViolationException(rule, detail);
    }
  }

  /**
   * Applies a stored event while rebuilding.
   *
   * @param event the event
   * @param version its stream version: the next one
   * @throws IllegalStateException when events were raised, or the version is not the next one
   */
  public final void replay(E event, long version) {
    if (!raised.isEmpty()) {
      throw new IllegalStateException("Cannot replay stored events over raised ones");
    }
    if (version != loadedVersion + 1) {
      throw new IllegalStateException(
          "Event version " + version + " does not follow " + loadedVersion + " in " + id);
    }
    apply(event);
    loadedVersion = version;
  }

  /**
   * Marks a state restored from a snapshot as being at {@code version}.
   *
   * @throws IllegalStateException when this instance was used already
   */
  public final void restoredAt(long version) {
    if (loadedVersion != 0 || !raised.isEmpty() || version < 1) {
      throw new IllegalStateException("Only a fresh aggregate is restored, at version 1 or more");
    }
    loadedVersion = version;
  }

  /** Marks the raised events as stored, the last at {@code version}. */
  public final void saved(long version) {
    raised.clear();
    loadedVersion = version;
  }
}
