package dev.annals.eventstore.api.aggregate;

import dev.annals.eventstore.api.AppendContext;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Local;
import java.time.Instant;
import java.util.Optional;

/**
 * Loads aggregates from their streams and saves their new events. Loading starts from the newest
 * usable snapshot at or below the wanted version (one whose schema version the aggregate type
 * reads, at or below the stream's version, that decodes) and applies the events after it; a
 * snapshot that is none of these is ignored, counted in the metric {@code
 * annals_snapshots_ignored_total} and never trusted. Saving appends the raised events with the
 * loaded version as the exact expected version, in the caller's transaction, and takes a snapshot
 * when the category's policy says so.
 */
@Local
public interface Aggregates {

  /**
   * The aggregate as it is now.
   *
   * @param tenant the tenant
   * @param type the aggregate's kind
   * @param id its id
   * @return the aggregate, or empty when its stream does not exist
   * @throws dev.annals.tenancy.api.TenantNotFoundException when the tenant does not exist
   */
  <A extends Aggregate<E>, E> Optional<A> load(
      TenantId tenant, AggregateType<A, E> type, String id);

  /**
   * The aggregate as it was at a version (the current state when the stream is not that long yet).
   *
   * @param version 1 or more
   * @return the aggregate, or empty when its stream does not exist
   * @throws dev.annals.tenancy.api.InvalidRequestException when {@code version} &lt; 1
   */
  <A extends Aggregate<E>, E> Optional<A> loadAtVersion(
      TenantId tenant, AggregateType<A, E> type, String id, long version);

  /**
   * The aggregate as it was at a time: every event recorded at or before it.
   *
   * @return the aggregate, or empty when its stream did not exist yet at that time
   */
  <A extends Aggregate<E>, E> Optional<A> loadAsOf(
      TenantId tenant, AggregateType<A, E> type, String id, Instant time);

  /**
   * Creates an aggregate: the command decides on a blank one, whose stream must not exist yet.
   *
   * @return the created aggregate; {@code replayed} when the same creation (same key) was stored
   * @throws dev.annals.eventstore.api.WrongExpectedVersionException when the stream exists
   * @throws BusinessRuleViolationException when the command refuses
   */
  <A extends Aggregate<E>, E> Saved<A> create(
      TenantId tenant, AggregateType<A, E> type, String id, Command<A> command);

  /**
   * Loads the aggregate, decides the command on it and saves the raised events with the loaded
   * version as the expected version. With an idempotency key, a command already stored (its derived
   * event ids are in the stream, among its last 100 events) stores nothing and answers with the
   * aggregate as it is, {@code replayed}.
   *
   * @return the aggregate after the command
   * @throws AggregateNotFoundException when the stream does not exist
   * @throws BusinessRuleViolationException when the aggregate's state refuses the command
   * @throws dev.annals.eventstore.api.WrongExpectedVersionException when the stream changed since
   *     loading (a concurrent command won): load again and retry, or give up
   */
  <A extends Aggregate<E>, E> Saved<A> execute(
      TenantId tenant, AggregateType<A, E> type, String id, Command<A> command);

  /**
   * Saves the events the caller raised on an aggregate it loaded (or on a blank one, for a stream
   * that must not exist yet) with its loaded version as the exact expected version, in the caller's
   * transaction: for callers that decide over several steps (a saga's executor) rather than through
   * one {@link Command}.
   *
   * @param tenant the tenant
   * @param type the aggregate's kind
   * @param aggregate the aggregate with its raised events
   * @param commandName what decided, for the events' metadata
   * @param context correlation, causation and principal for the events' metadata
   * @return the aggregate, saved (unchanged when it raised nothing)
   * @throws dev.annals.eventstore.api.WrongExpectedVersionException when the stream changed since
   *     the aggregate was loaded
   */
  <A extends Aggregate<E>, E> Saved<A> save(
      TenantId tenant,
      AggregateType<A, E> type,
      A aggregate,
      String commandName,
      AppendContext context);
}
