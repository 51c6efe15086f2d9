package dev.annals.eventstore.infrastructure;

import dev.annals.eventstore.api.ExpectedVersion;
import dev.annals.eventstore.api.StreamId;
import dev.annals.tenancy.api.TenantId;
import java.util.List;

/**
 * One append as the append statement takes it.
 *
 * @param tenant the tenant
 * @param stream the stream
 * @param expected the expected version
 * @param events the events, data and metadata already JSON text
 * @param maxStreams the tenant's stream quota, 0 for none
 * @param maxStorageBytes the tenant's storage quota in bytes, 0 for none
 */
public record AppendCommand(
    TenantId tenant,
    StreamId stream,
    ExpectedVersion expected,
    List<EventRow> events,
    long maxStreams,
    long maxStorageBytes) {

  /** An append for a tenant without quotas. */
  public AppendCommand(
      TenantId tenant, StreamId stream, ExpectedVersion expected, List<EventRow> events) {
    this(tenant, stream, expected, events, 0, 0);
  }

  /** Whether the tenant has a quota the append function enforces. */
  public boolean hasQuota() {
    return maxStreams > 0 || maxStorageBytes > 0;
  }
}
