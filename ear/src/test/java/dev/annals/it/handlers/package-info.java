/**
 * Subscription handlers that only the integration-test server has: {@link dev.annals.it.ItEar} adds
 * them to a copy of the application as a library, so the event store's handler lookup finds them as
 * it finds the application's own.
 */
package dev.annals.it.handlers;
