/**
 * Aggregates: state rebuilt from a stream's events (snapshot + tail), commands decided against it,
 * new events saved with the loaded version as the expected version.
 */
package dev.annals.eventstore.api.aggregate;
