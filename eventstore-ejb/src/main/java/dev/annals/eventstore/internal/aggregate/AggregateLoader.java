package dev.annals.eventstore.internal.aggregate;

import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.EventStoreLimits;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamInfo;
import dev.annals.eventstore.api.StreamSlice;
import dev.annals.eventstore.api.aggregate.Aggregate;
import dev.annals.eventstore.api.aggregate.AggregateType;
import dev.annals.eventstore.api.snapshot.Snapshot;
import dev.annals.eventstore.api.upcast.UpcastFailedException;
import dev.annals.eventstore.infrastructure.snapshot.SnapshotRepository;
import dev.annals.eventstore.internal.StoreFailure;
import dev.annals.eventstore.internal.snapshot.IgnoredSnapshots;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Rebuilds an aggregate: the newest usable snapshot at or below the wanted version, then the
 * stream's events after it through the event store's read API. A snapshot is usable when its schema
 * version is one the aggregate type reads, it is at or below the stream's version, and its state
 * decodes; any other is counted as ignored and passed over for an older one (or none).
 */
@ApplicationScoped
public class AggregateLoader {

  /** Snapshots looked at, newest first, before folding from the first event. */
  static final int SNAPSHOT_CANDIDATES = 10;

  private static final JsonProvider JSON = JsonProvider.provider();

  @EJB EventStore store;

  @Inject EventStoreLimits limits;

  @Inject SnapshotRepository snapshots;

  @Inject IgnoredSnapshots ignored;

  /**
   * The aggregate with every event up to {@code upTo} and, when {@code asOf} is given, recorded at
   * or before it; empty when there is no such event. Runs in the caller's transaction.
   */
  <A extends Aggregate<E>, E> Optional<A> load(
      TenantId tenant, AggregateType<A, E> type, String id, long upTo, Instant asOf) {
    StreamId stream = type.streamOf(id);
    Optional<StreamInfo> info = store.streamInfo(tenant, stream);
    if (info.isEmpty()) {
      return Optional.empty();
    }
    long head = info.get().version();
    long target = Math.min(upTo, head);
    A aggregate =
        restored(tenant, type, id, stream, upTo, target, head, asOf)
            .orElseGet(() -> type.blank(id));
    long from = aggregate.version() + 1;
    while (from <= target) {
      int limit = (int) Math.min(limits.maxReadLimit(), target - from + 1);
      StreamSlice page = store.readStream(tenant, stream, from, Direction.FORWARD, limit);
      for (RecordedEvent e : page.events()) {
        if (e.version() > target || (asOf != null && e.recordedAt().isAfter(asOf))) {
          return found(aggregate);
        }
        if (e.upcastError().isPresent()) {
          throw new UpcastFailedException(
              e.eventId(), e.type(), e.schemaVersion(), e.upcastError().get());
        }
        aggregate.replay(type.decode(e.type(), parse(e.data())), e.version());
      }
      if (page.next().isEmpty()) {
        break;
      }
      from = page.next().getAsLong();
    }
    return found(aggregate);
  }

  private static <A extends Aggregate<?>> Optional<A> found(A aggregate) {
    return aggregate.version() == 0 ? Optional.empty() : Optional.of(aggregate);
  }

  private <A extends Aggregate<E>, E> Optional<A> restored(
      TenantId tenant,
      AggregateType<A, E> type,
      String id,
      StreamId stream,
      long upTo,
      long target,
      long head,
      Instant asOf) {
    try {
      for (Snapshot s : snapshots.candidates(tenant, stream, upTo, SNAPSHOT_CANDIDATES)) {
        if (s.version() > head) {
          ignored.ignore(tenant, s, "above the stream's version " + head);
        } else if (s.version() > target || (asOf != null && s.takenAt().isAfter(asOf))) {
          continue; // sound, but later than wanted
        } else if (!type.readsSnapshotSchema(s.schemaVersion())) {
          ignored.ignore(tenant, s, "schema version " + s.schemaVersion() + " is unknown");
        } else {
          try {
            A aggregate =
                type.restoreText(id, s.schemaVersion(), s.state())
                    .orElseGet(() -> type.restore(id, s.schemaVersion(), parse(s.state())));
            aggregate.restoredAt(s.version());
            return Optional.of(aggregate);
          } catch (RuntimeException e) {
            ignored.ignore(tenant, s, "its state does not decode: " + e.getMessage());
          }
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw StoreFailure.of("read the snapshots of " + tenant + "/" + stream, e);
    }
  }

  private static JsonValue parse(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
