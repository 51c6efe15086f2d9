/** The event store's contract: append and read streams, page a tenant's $all by checkpoint. */
package dev.annals.eventstore.api;
