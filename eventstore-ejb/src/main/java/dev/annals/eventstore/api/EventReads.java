package dev.annals.eventstore.api;

import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantNotFoundException;
import java.time.Instant;
import java.util.Optional;

/**
 * The event store's reads as a plain CDI bean ({@code @Inject EventReads}), for the HTTP reads: the
 * same answers, problems and upcasting, without the EJB container's hop (its interceptors, security
 * and transaction checks were a quarter of a small read's CPU, bench/RESULTS.md). Outside a JTA
 * transaction a read runs in auto-commit on a non-XA reads pool (the platform's, or a database-mode
 * tenant's own); inside one, on the transaction's connection, so a caller reads its own appends.
 * {@link EventStore}'s reads delegate here.
 */
public interface EventReads {

  /**
   * As {@link EventStore#readStream(TenantId, StreamId, long, Direction, int, ReadForm)}.
   *
   * @throws InvalidRequestException when {@code from} &lt; 1 or {@code limit} is out of range
   * @throws TenantNotFoundException when the tenant does not exist
   * @throws StreamNotFoundException when the stream does not exist
   */
  StreamSlice readStream(
      TenantId tenant, StreamId stream, long from, Direction direction, int limit, ReadForm form);

  /**
   * Reads a page of a stream as it stood at {@code toVersion}: like {@link #readStream(TenantId,
   * StreamId, long, Direction, int, ReadForm)}, but no event above {@code toVersion} is returned,
   * and a forward page that reaches it has no next page.
   *
   * @param tenant the tenant
   * @param stream the stream
   * @param from the first version to return (forward) or the highest (backward)
   * @param direction which way to read
   * @param limit 1 to the read limit
   * @param toVersion the highest version to return; 0 for the stream before its first event
   * @param form the events lifted by the upcasters, or as stored
   * @return the page and where the next one starts
   * @throws InvalidRequestException when {@code from} &lt; 1, {@code toVersion} &lt; 0 or the limit
   *     is out of range
   * @throws TenantNotFoundException when the tenant does not exist
   * @throws StreamNotFoundException when the stream does not exist
   */
  StreamSlice readStream(
      TenantId tenant,
      StreamId stream,
      long from,
      Direction direction,
      int limit,
      long toVersion,
      ReadForm form);

  /**
   * The version a stream had at a time: its events recorded at or before {@code time}, up to the
   * first one recorded after it (a stream's past is always a prefix of its versions).
   *
   * @param tenant the tenant
   * @param stream the stream
   * @param time the moment
   * @return the version then; 0 when the stream had no event yet
   * @throws TenantNotFoundException when the tenant does not exist
   * @throws StreamNotFoundException when the stream does not exist (now)
   */
  long versionAt(TenantId tenant, StreamId stream, Instant time);

  /**
   * As {@link EventStore#readAll(TenantId, Checkpoint, int, ReadForm)}.
   *
   * @throws InvalidRequestException when the limit is out of range or {@code after} is no event of
   *     this tenant
   * @throws TenantNotFoundException when the tenant does not exist
   */
  AllSlice readAll(TenantId tenant, Checkpoint after, int limit, ReadForm form);

  /**
   * Pages the tenant's committed events whose metadata carries {@code correlationId}, in {@code
   * $all} order, with the same guarantee as {@link EventStore#readAll}: paging with the returned
   * checkpoint never skips or repeats an event.
   *
   * @param tenant the tenant
   * @param correlationId the correlation id, as stored in the events' metadata
   * @param after where to continue; {@link Checkpoint#START} for the beginning
   * @param limit 1 to the read limit
   * @param form the events lifted by the upcasters, or as stored
   * @return the page and the checkpoint to pass next
   * @throws InvalidRequestException when the limit is out of range or {@code after} is no event of
   *     this tenant
   * @throws TenantNotFoundException when the tenant does not exist
   */
  AllSlice readCorrelation(
      TenantId tenant, String correlationId, Checkpoint after, int limit, ReadForm form);

  /**
   * As {@link EventStore#streamInfo}.
   *
   * @throws TenantNotFoundException when the tenant does not exist
   */
  Optional<StreamInfo> streamInfo(TenantId tenant, StreamId stream);
}
