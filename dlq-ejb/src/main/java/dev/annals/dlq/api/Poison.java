package dev.annals.dlq.api;

/**
 * Marks an exception as poison: retrying cannot help (an event that cannot be deserialized or
 * upcast). A consumer that meets one dead-letters the event at once, without the remaining retries.
 * Implement it on such an exception (eventstore's {@code UpcastFailedException} does).
 */
public interface Poison {}
