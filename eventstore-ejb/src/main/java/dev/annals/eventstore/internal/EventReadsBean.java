package dev.annals.eventstore.internal;

import dev.annals.eventstore.api.AllSlice;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventReads;
import dev.annals.eventstore.api.EventStoreLimits;
import dev.annals.eventstore.api.ReadForm;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamInfo;
import dev.annals.eventstore.api.StreamNotFoundException;
import dev.annals.eventstore.api.StreamSlice;
import dev.annals.eventstore.infrastructure.EventReader;
import dev.annals.eventstore.internal.upcast.Upcasting;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantLookups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The event store's reads, with no container around them: checks, tenant lookup (a cache), one read
 * function call ({@link EventReader}), upcasting. Joins, begins and suspends no transaction:
 * whichever the caller runs in (none, over HTTP) decides where the read runs.
 */
@ApplicationScoped
public class EventReadsBean implements EventReads {

  @Inject TenantLookups tenants; // cache lookups: no EJB hop per read

  @Inject EventReader reader;

  @Inject EventStoreLimits config;

  @Inject Upcasting upcasting;

  @Override
  public StreamSlice readStream(
      TenantId tenant, StreamId stream, long from, Direction direction, int limit, ReadForm form) {
    if (from < 1) {
      throw new InvalidRequestException("'from' must be a version of 1 or more, was " + from);
    }
    EventStoreBean.checkLimit(limit, config);
    tenants.requireReadable(tenant);
    try {
      List<RecordedEvent> page =
          reader
              .readStream(tenant, stream, from, direction, limit + 1)
              .orElseThrow(() -> new StreamNotFoundException(stream));
      if (page.size() > limit) {
        return new StreamSlice(
            inForm(tenant, List.copyOf(page.subList(0, limit)), form),
            OptionalLong.of(page.get(limit).version()));
      }
      return new StreamSlice(inForm(tenant, page, form), OptionalLong.empty());
    } catch (SQLException e) {
      throw EventStoreBean.failure("read " + tenant + "/" + stream, e);
    }
  }

  @Override
  public StreamSlice readStream(
      TenantId tenant,
      StreamId stream,
      long from,
      Direction direction,
      int limit,
      long toVersion,
      ReadForm form) {
    if (toVersion < 0) {
      throw new InvalidRequestException(
          "'toVersion' must be a version of 0 or more, was " + toVersion);
    }
    if (from < 1) {
      throw new InvalidRequestException("'from' must be a version of 1 or more, was " + from);
    }
    EventStoreBean.checkLimit(limit, config);
    long first = direction == Direction.BACKWARD ? Math.min(from, toVersion) : from;
    if (first > toVersion || first < 1) {
      // nothing at or below toVersion to read from here: an empty page of an existing stream
      if (streamInfo(tenant, stream).isEmpty()) {
        throw new StreamNotFoundException(stream);
      }
      return new StreamSlice(List.of(), OptionalLong.empty());
    }
    if (direction == Direction.BACKWARD) {
      return readStream(tenant, stream, first, direction, limit, form);
    }
    StreamSlice slice =
        readStream(
            tenant, stream, first, direction, (int) Math.min(limit, toVersion - first + 1), form);
    OptionalLong next = slice.next();
    return new StreamSlice(
        slice.events(),
        next.isPresent() && next.getAsLong() <= toVersion ? next : OptionalLong.empty());
  }

  @Override
  public long versionAt(TenantId tenant, StreamId stream, Instant time) {
    tenants.requireReadable(tenant);
    try {
      return reader
          .versionAt(tenant, stream, time)
          .orElseThrow(() -> new StreamNotFoundException(stream));
    } catch (SQLException e) {
      throw EventStoreBean.failure("read " + tenant + "/" + stream + " as of " + time, e);
    }
  }

  @Override
  public AllSlice readAll(TenantId tenant, Checkpoint after, int limit, ReadForm form) {
    EventStoreBean.checkLimit(limit, config);
    tenants.requireReadable(tenant);
    try {
      return page(tenant, after, reader.readAll(tenant, after, limit), form);
    } catch (SQLException e) {
      throw EventStoreBean.failure("read $all of " + tenant, e);
    }
  }

  @Override
  public AllSlice readCorrelation(
      TenantId tenant, String correlationId, Checkpoint after, int limit, ReadForm form) {
    EventStoreBean.checkLimit(limit, config);
    tenants.requireReadable(tenant);
    try {
      return page(tenant, after, reader.readCorrelation(tenant, correlationId, after, limit), form);
    } catch (SQLException e) {
      throw EventStoreBean.failure("read correlation " + correlationId + " of " + tenant, e);
    }
  }

  @Override
  public Optional<StreamInfo> streamInfo(TenantId tenant, StreamId stream) {
    tenants.requireReadable(tenant);
    try {
      return reader.streamInfo(tenant, stream);
    } catch (SQLException e) {
      throw EventStoreBean.failure("read " + tenant + "/" + stream, e);
    }
  }

  /**
   * A page after {@code after}; empty {@code read} when {@code after} is no event of the tenant.
   */
  private AllSlice page(
      TenantId tenant, Checkpoint after, Optional<List<RecordedEvent>> read, ReadForm form) {
    List<RecordedEvent> page =
        read.orElseThrow(
            () ->
                new InvalidRequestException(
                    "Checkpoint '" + after + "' is not a position of this tenant's events"));
    Checkpoint next = page.isEmpty() ? after : page.get(page.size() - 1).position();
    return new AllSlice(inForm(tenant, page, form), next);
  }

  /** The page as the reader asked for it: lifted by the tenant's upcasters, or as stored. */
  private List<RecordedEvent> inForm(TenantId tenant, List<RecordedEvent> page, ReadForm form) {
    return form == ReadForm.STORED ? page : upcasting.current(tenant, page);
  }
}
