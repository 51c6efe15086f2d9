package dev.annals.eventstore.api.subscription;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.tenancy.api.TenantId;
import java.util.List;

/**
 * Events delivered to a handler in one transaction.
 *
 * @param tenant the tenant
 * @param subscription the subscription delivering them
 * @param events one or more events in $all order, matching the subscription's filter
 * @param checkpoint the checkpoint the subscription moves to when the batch commits
 */
public record SubscriptionBatch(
    TenantId tenant,
    SubscriptionName subscription,
    List<RecordedEvent> events,
    Checkpoint checkpoint) {}
