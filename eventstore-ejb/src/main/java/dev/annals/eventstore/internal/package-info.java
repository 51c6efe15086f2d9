/** The event store's enterprise beans: transaction boundary, limits and metadata rules. */
package dev.annals.eventstore.internal;
