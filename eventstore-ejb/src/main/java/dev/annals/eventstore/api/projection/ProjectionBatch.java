package dev.annals.eventstore.api.projection;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.tenancy.api.TenantId;
import java.util.List;

/**
 * Events a projection applies to one generation in one transaction.
 *
 * @param tenant the tenant
 * @param generation the generation whose rows the events go to
 * @param events one or more events in $all order
 * @param checkpoint the checkpoint the generation moves to when the batch commits
 */
public record ProjectionBatch(
    TenantId tenant, int generation, List<RecordedEvent> events, Checkpoint checkpoint) {}
