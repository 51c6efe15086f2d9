package dev.annals.eventstore.api;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantNotFoundException;
import jakarta.ejb.Local;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The event store. Every method joins the caller's JTA transaction when there is one (REQUIRED), so
 * an append commits or rolls back with the caller's other work (a saga step, a JMS send). Appended
 * events become visible to $all readers only once their transaction commits and no older write
 * transaction is still open.
 *
 * <p>A refused append (invalid, too large, wrong version, id conflict, tenant unknown, deleted or
 * suspended) writes nothing and does not mark the caller's transaction rollback-only: the caller
 * decides. {@link StoreUnavailableException} does mark it.
 */
@Local
public interface EventStore {

  /**
   * Appends events to a stream, atomically: all or none. Versions are consecutive from the stream's
   * current version + 1. If the same event ids were already stored in this stream, in this order,
   * as one append, nothing is stored and the original result is returned with {@code replayed =
   * true}, whatever {@code expected} says: this makes a retry after an ambiguous failure safe.
   *
   * @param tenant the tenant
   * @param stream the stream; created by its first append
   * @param expected what the stream's version must be
   * @param events 1 to the configured maximum (default 1,000) events
   * @param context correlation, causation and principal for the metadata
   * @return versions and the last event's checkpoint
   * @throws InvalidRequestException when {@code events} is empty
   * @throws AppendTooLargeException when over the event-count or byte limit
   * @throws TenantNotFoundException when the tenant does not exist
   * @throws dev.annals.tenancy.api.TenantGoneException when the tenant was deleted
   * @throws dev.annals.tenancy.api.TenantSuspendedException when the tenant is suspended
   * @throws WrongExpectedVersionException when the stream is not at the expected version
   * @throws EventIdConflictException when some ids are stored already, other than as this append
   */
  AppendResult append(
      TenantId tenant,
      StreamId stream,
      ExpectedVersion expected,
      List<NewEvent> events,
      AppendContext context);

  /**
   * Appends like {@link #append}, but outside any caller transaction: concurrent calls are
   * committed together in one database transaction (group commit), each with its own outcome (one
   * append's conflict fails only that append). The stage completes only once the append is durable,
   * or exceptionally with the exceptions {@link #append} throws, or with {@link
   * StoreUnavailableException} when the outcome is not known (retrying with the same ids is safe).
   *
   * @param tenant the tenant
   * @param stream the stream
   * @param expected what the stream's version must be
   * @param events the events, as for {@link #append}
   * @param context correlation, causation and principal for the metadata
   * @return the append's result, once committed
   * @throws InvalidRequestException when {@code events} is empty (thrown at once)
   * @throws AppendTooLargeException when over a limit (thrown at once)
   * @throws TenantNotFoundException when the tenant does not exist (thrown at once)
   */
  CompletionStage<AppendResult> appendDurably(
      TenantId tenant,
      StreamId stream,
      ExpectedVersion expected,
      List<NewEvent> events,
      AppendContext context);

  /**
   * Reads a page of a stream.
   *
   * @param tenant the tenant
   * @param stream the stream
   * @param from the first version to return (forward) or the highest (backward); {@code
   *     Long.MAX_VALUE} reads backward from the end
   * @param direction which way to read
   * @param limit 1 to 1,000 events
   * @return the page and where the next one starts
   * @throws InvalidRequestException when {@code from} &lt; 1 or {@code limit} is out of range
   * @throws TenantNotFoundException when the tenant does not exist
   * @throws StreamNotFoundException when the stream does not exist
   */
  StreamSlice readStream(
      TenantId tenant, StreamId stream, long from, Direction direction, int limit);

  /**
   * Reads a page of a stream like {@link #readStream(TenantId, StreamId, long, Direction, int)},
   * which returns the {@link ReadForm#CURRENT current} form, in the form asked for.
   *
   * @param form the events lifted by the upcasters, or as stored
   */
  StreamSlice readStream(
      TenantId tenant, StreamId stream, long from, Direction direction, int limit, ReadForm form);

  /**
   * Reads the tenant's committed events after a checkpoint, in checkpoint order. Paging with the
   * returned checkpoint never skips and never repeats an event, even while transactions commit out
   * of order: events of transactions that may still commit are held back until they do.
   *
   * @param tenant the tenant
   * @param after where to continue; {@link Checkpoint#START} for the beginning
   * @param limit 1 to 1,000 events
   * @return the page and the checkpoint to pass next
   * @throws InvalidRequestException when the limit is out of range or {@code after} is no event of
   *     this tenant
   * @throws TenantNotFoundException when the tenant does not exist
   */
  AllSlice readAll(TenantId tenant, Checkpoint after, int limit);

  /**
   * Reads {@code $all} like {@link #readAll(TenantId, Checkpoint, int)}, which returns the {@link
   * ReadForm#CURRENT current} form, in the form asked for.
   *
   * @param form the events lifted by the upcasters, or as stored
   */
  AllSlice readAll(TenantId tenant, Checkpoint after, int limit, ReadForm form);

  /**
   * Follows {@code $all}: scans the next {@code limit} events after {@code after} exactly as {@link
   * #readAll(TenantId, Checkpoint, int)} pages, and returns those that pass {@code filter} (on
   * their lifted type, unless {@code form} is {@link ReadForm#STORED}) with where the scan got to,
   * so a follower moves past what the filter left out without fetching it.
   *
   * @param tenant whose events
   * @param after the start, or the position of one of the tenant's events
   * @param limit events scanned at most (1 to the read limit)
   * @param form the events lifted by the upcasters, or as stored
   * @param filter which events to return
   * @return the matching events and the scan's end
   * @throws dev.annals.tenancy.api.InvalidRequestException when {@code after} is no position of the
   *     tenant's events, or {@code limit} is out of range
   * @throws dev.annals.tenancy.api.TenantNotFoundException when the tenant does not exist
   */
  AllScan follow(
      TenantId tenant,
      Checkpoint after,
      int limit,
      ReadForm form,
      dev.annals.eventstore.api.subscription.SubscriptionFilter filter);

  /**
   * @param tenant the tenant
   * @param stream the stream
   * @return the stream's head, or empty when it does not exist
   * @throws TenantNotFoundException when the tenant does not exist
   */
  Optional<StreamInfo> streamInfo(TenantId tenant, StreamId stream);
}
