/** Snapshot beans: storing and fetching snapshots, the per-category policy, ignored ones. */
package dev.annals.eventstore.internal.snapshot;
