/** Snapshots: a stream's folded state at a version, a cache that loading may use or ignore. */
package dev.annals.eventstore.api.snapshot;
