/** Adapters of the event store: PostgreSQL access and Redis notifications. */
package dev.annals.eventstore.infrastructure;
