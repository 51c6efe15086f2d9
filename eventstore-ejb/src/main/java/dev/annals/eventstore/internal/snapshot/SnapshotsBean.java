package dev.annals.eventstore.internal.snapshot;

import dev.annals.eventstore.api.JsonText;
import dev.annals.eventstore.api.StorableJson;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamNotFoundException;
import dev.annals.eventstore.api.snapshot.Snapshot;
import dev.annals.eventstore.api.snapshot.SnapshotAheadException;
import dev.annals.eventstore.api.snapshot.SnapshotPolicy;
import dev.annals.eventstore.api.snapshot.Snapshots;
import dev.annals.eventstore.infrastructure.snapshot.SnapshotRepository;
import dev.annals.eventstore.infrastructure.snapshot.SnapshotRepository.Stored;
import dev.annals.eventstore.internal.StoreFailure;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.Tenants;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The snapshot store's transaction boundary: checks, then one repository call each. */
@Stateless
public class SnapshotsBean implements Snapshots {

  @EJB Tenants tenants;

  @Inject SnapshotRepository repository;

  @Inject SnapshotPolicies policies;

  @Override
  public Snapshot save(
      TenantId tenant, StreamId stream, long version, int schemaVersion, JsonValue state) {
    if (version < 1) {
      throw new InvalidRequestException("'version' must be 1 or more, was " + version);
    }
    if (schemaVersion < 1) {
      throw new InvalidRequestException("'schemaVersion' must be 1 or more, was " + schemaVersion);
    }
    StorableJson.check(state, "state");
    tenants.requireWritable(tenant);
    try {
      Stored stored =
          repository.save(
              tenant, stream, version, schemaVersion, JsonText.of(state), policyOf(stream).keep());
      if (stored instanceof Stored.Done done) {
        return done.snapshot();
      }
      OptionalLong head = ((Stored.Refused) stored).head();
      if (head.isEmpty()) {
        throw new StreamNotFoundException(stream);
      }
      throw new SnapshotAheadException(stream, version, head.getAsLong());
    } catch (SQLException e) {
      throw failure("store a snapshot of " + tenant + "/" + stream, e);
    }
  }

  @Override
  public Optional<Snapshot> newestAtOrBelow(TenantId tenant, StreamId stream, long version) {
    if (version < 1) {
      throw new InvalidRequestException("'atOrBelow' must be 1 or more, was " + version);
    }
    tenants.requireReadable(tenant);
    try {
      long head =
          repository.head(tenant, stream).orElseThrow(() -> new StreamNotFoundException(stream));
      List<Snapshot> found = repository.candidates(tenant, stream, Math.min(version, head), 1);
      return found.stream().findFirst();
    } catch (SQLException e) {
      throw failure("read the snapshots of " + tenant + "/" + stream, e);
    }
  }

  @Override
  public SnapshotPolicy policyOf(StreamId stream) {
    return policies.of(stream);
  }

  private static RuntimeException failure(String what, SQLException e) {
    return StoreFailure.of(what, e);
  }
}
