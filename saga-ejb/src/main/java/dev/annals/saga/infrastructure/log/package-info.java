/** The saga log's stored form: its events as event-store events of stream {@code saga-<id>}. */
package dev.annals.saga.infrastructure.log;
