package dev.annals.eventstore.api.aggregate;

/**
 * The outcome of a command.
 *
 * @param aggregate the aggregate after the command, at its stored version
 * @param replayed true when the command had been stored already (same idempotency key) and this
 *     call stored nothing
 * @param <A> the aggregate
 */
public record Saved<A>(A aggregate, boolean replayed) {}
