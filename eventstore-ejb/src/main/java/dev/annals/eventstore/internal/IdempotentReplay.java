package dev.annals.eventstore.internal;

import dev.annals.eventstore.api.AppendResult;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.EventIdConflictException;
import dev.annals.eventstore.api.StreamId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether an append is a resend of one already stored. It is when its ids are exactly one
 * stored append's, in this stream and in the same order; then the original result is returned. Any
 * other overlap with stored ids is a conflict: storing would duplicate or reorder events.
 */
final class IdempotentReplay {

  /** Where an event id is stored, and its place in the append that stored it. */
  record Stored(
      StreamId streamId, long version, Checkpoint position, int appendIndex, int appendCount) {}

  private IdempotentReplay() {}

  /**
   * @param stream the stream being appended to
   * @param requested the append's ids, in order
   * @param stored the requested ids that are stored already
   * @return the original result for a resend, empty when no id is stored yet
   * @throws EventIdConflictException when some ids are stored, but not as this append
   */
  static Optional<AppendResult> decide(
      StreamId stream, List<EventId> requested, Map<EventId, Stored> stored) {
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    if (stored.size() != requested.size()) {
      throw new EventIdConflictException(
          stored.size()
              + " of the "
              + requested.size()
              + " event ids are stored already (for example "
              + stored.keySet().iterator().next()
              + "): a resend must repeat the original append exactly, and new events need new"
              + " ids");
    }
    Stored first = stored.get(requested.get(0));
    for (int i = 0; i < requested.size(); i++) {
      Stored s = stored.get(requested.get(i));
      if (!s.streamId().equals(stream)) {
        throw new EventIdConflictException(
            "Event id "
                + requested.get(i)
                + " is stored in another stream, '"
                + s.streamId()
                + "'");
      }
      if (s.version() != first.version() + i
          || s.appendIndex() != i
          || s.appendCount() != requested.size()) {
        throw new EventIdConflictException(
            "Event ids are stored in this stream, but in another order or split across appends:"
                + " a resend must repeat the original append exactly");
      }
    }
    Stored last = stored.get(requested.get(requested.size() - 1));
    return Optional.of(
        new AppendResult(stream, first.version(), last.version(), last.position(), true));
  }
}
