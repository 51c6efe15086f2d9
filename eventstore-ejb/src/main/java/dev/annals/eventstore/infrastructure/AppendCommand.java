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
 */
public record AppendCommand(
    TenantId tenant, StreamId stream, ExpectedVersion expected, List<EventRow> events) {}
