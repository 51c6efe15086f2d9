package dev.annals.eventstore.api.snapshot;

import dev.annals.eventstore.api.StreamId;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Local;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Snapshots of streams, for callers that fold state themselves (HTTP clients) and for {@link
 * dev.annals.eventstore.api.aggregate.Aggregates}. A snapshot is a cache: it is stored beside the
 * stream (deleted with it and with the tenant, moved with the tenant), never changes an event, and
 * a reader that cannot use one ignores it. Each stream keeps the newest K (by version), K from its
 * category's policy.
 */
@Local
public interface Snapshots {

  /**
   * Stores a snapshot (replacing one at the same version), then drops the stream's older ones
   * beyond its category's keep.
   *
   * @param tenant the tenant
   * @param stream the stream
   * @param version the version the state covers: 1 up to the stream's current version
   * @param schemaVersion the state's schema version, 1 or more
   * @param state the state (any storable JSON)
   * @return what was stored
   * @throws dev.annals.tenancy.api.InvalidRequestException when a number is out of range or the
   *     state is not storable
   * @throws dev.annals.eventstore.api.StreamNotFoundException when the stream does not exist
   * @throws SnapshotAheadException when {@code version} is above the stream's version
   */
  Snapshot save(TenantId tenant, StreamId stream, long version, int schemaVersion, JsonValue state);

  /**
   * The newest snapshot at or below {@code version} and at or below the stream's version.
   *
   * @throws dev.annals.eventstore.api.StreamNotFoundException when the stream does not exist
   */
  Optional<Snapshot> newestAtOrBelow(TenantId tenant, StreamId stream, long version);

  /** The policy of a stream's category (the id's prefix before its first {@code -}). */
  SnapshotPolicy policyOf(StreamId stream);
}
