/** Snapshot storage: the tenant's snapshots table, under Row-Level Security. */
package dev.annals.eventstore.infrastructure.snapshot;
