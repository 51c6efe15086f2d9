package dev.annals.eventstore.internal;

import dev.annals.eventstore.api.AllSlice;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventHistory;
import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.EventStoreLimits;
import dev.annals.eventstore.api.ReadForm;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamNotFoundException;
import dev.annals.eventstore.api.StreamSlice;
import dev.annals.eventstore.infrastructure.EventReader;
import dev.annals.eventstore.internal.upcast.Upcasting;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantLookups;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** Reads of the past, on top of the store's own stream reads and two read functions. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads need no transaction
public class EventHistoryBean implements EventHistory {

  @EJB EventStore store;

  @Inject TenantLookups tenants; // a cache lookup: no EJB hop per read

  @Inject EventReader reader;

  @Inject EventStoreLimits config;

  @Inject Upcasting upcasting;

  @Override
  public StreamSlice readStream(
      TenantId tenant, StreamId stream, long from, Direction direction, int limit, long toVersion) {
    return readStream(tenant, stream, from, direction, limit, toVersion, ReadForm.CURRENT);
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
      if (store.streamInfo(tenant, stream).isEmpty()) {
        throw new StreamNotFoundException(stream);
      }
      return new StreamSlice(List.of(), OptionalLong.empty());
    }
    if (direction == Direction.BACKWARD) {
      return store.readStream(tenant, stream, first, direction, limit, form);
    }
    StreamSlice slice =
        store.readStream(
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
  public AllSlice readCorrelation(
      TenantId tenant, String correlationId, Checkpoint after, int limit) {
    return readCorrelation(tenant, correlationId, after, limit, ReadForm.CURRENT);
  }

  @Override
  public AllSlice readCorrelation(
      TenantId tenant, String correlationId, Checkpoint after, int limit, ReadForm form) {
    EventStoreBean.checkLimit(limit, config);
    tenants.requireReadable(tenant);
    try {
      List<RecordedEvent> page =
          reader
              .readCorrelation(tenant, correlationId, after, limit)
              .orElseThrow(
                  () ->
                      new InvalidRequestException(
                          "Checkpoint '" + after + "' is not a position of this tenant's events"));
      return new AllSlice(
          form == ReadForm.STORED ? page : upcasting.current(tenant, page),
          page.isEmpty() ? after : page.get(page.size() - 1).position());
    } catch (SQLException e) {
      throw EventStoreBean.failure("read correlation " + correlationId + " of " + tenant, e);
    }
  }
}
