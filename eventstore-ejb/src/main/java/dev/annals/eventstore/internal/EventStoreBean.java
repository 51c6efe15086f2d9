package dev.annals.eventstore.internal;

import dev.annals.eventstore.api.AllSlice;
import dev.annals.eventstore.api.AppendContext;
import dev.annals.eventstore.api.AppendResult;
import dev.annals.eventstore.api.AppendTooLargeException;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.EventIdConflictException;
import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.EventStoreLimits;
import dev.annals.eventstore.api.ExpectedVersion;
import dev.annals.eventstore.api.NewEvent;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamInfo;
import dev.annals.eventstore.api.StreamNotFoundException;
import dev.annals.eventstore.api.StreamSlice;
import dev.annals.eventstore.api.WrongExpectedVersionException;
import dev.annals.eventstore.infrastructure.EventRepository;
import dev.annals.eventstore.infrastructure.EventRow;
import dev.annals.eventstore.infrastructure.StoredEventRef;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.Tenants;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The event store's transaction boundary. An append locks the stream's row first, so concurrent
 * appends to one stream queue behind each other: versions never have holes, the idempotency check
 * sees every committed earlier attempt, and exactly one of N racing appends with the same expected
 * version wins.
 */
@Stateless
public class EventStoreBean implements EventStore {

  private static final String UNIQUE_VIOLATION = "23505";

  @EJB Tenants tenants;

  @Inject EventRepository repository;

  @Inject EventStoreLimits config;

  @Override
  public AppendResult append(
      TenantId tenant,
      StreamId stream,
      ExpectedVersion expected,
      List<NewEvent> events,
      AppendContext context) {
    List<EventRow> rows = rows(events, context == null ? AppendContext.none() : context);
    List<EventId> ids = events.stream().map(NewEvent::eventId).toList();
    tenants.requireExists(tenant);
    try {
      return appendLocked(tenant, stream, expected, ids, rows);
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new EventIdConflictException(
            "Some event ids were just stored by a concurrent append to another stream");
      }
      throw new EJBException("Append to " + tenant + "/" + stream + " failed", e);
    }
  }

  private AppendResult appendLocked(
      TenantId tenant,
      StreamId stream,
      ExpectedVersion expected,
      List<EventId> ids,
      List<EventRow> rows)
      throws SQLException {
    while (true) {
      OptionalLong locked = repository.lockStream(tenant, stream);
      Optional<AppendResult> replay =
          IdempotentReplay.decide(stream, ids, stored(repository.findIds(tenant, ids)));
      if (replay.isPresent()) {
        return replay.get();
      }
      long current = locked.orElse(0);
      if (!expected.accepts(current)) {
        throw new WrongExpectedVersionException(stream, expected, current);
      }
      long last = current + rows.size();
      if (locked.isPresent()) {
        repository.advanceStream(tenant, stream, current, last);
      } else if (!repository.createStream(tenant, stream, last)) {
        continue; // created concurrently and committed meanwhile: lock it and decide again
      }
      Checkpoint position = repository.insertEvents(tenant, stream, current, rows);
      return new AppendResult(stream, current + 1, last, position, false);
    }
  }

  private List<EventRow> rows(List<NewEvent> events, AppendContext context) {
    if (events == null || events.isEmpty()) {
      throw new InvalidRequestException("An append needs at least one event");
    }
    if (events.size() > config.maxEventsPerAppend()) {
      throw new AppendTooLargeException(
          "An append may carry at most "
              + config.maxEventsPerAppend()
              + " events, this one has "
              + events.size()
              + ": split it into several appends");
    }
    String correlationId = UUID.randomUUID().toString();
    Set<EventId> seen = new HashSet<>();
    List<EventRow> rows = new ArrayList<>(events.size());
    long bytes = 0;
    for (NewEvent e : events) {
      if (!seen.add(e.eventId())) {
        throw new InvalidRequestException(
            "Event id " + e.eventId() + " appears twice in one append: every event needs its own");
      }
      String metadata = EventMetadata.complete(e.metadata(), context, correlationId).toString();
      bytes += utf8Length(e.data()) + utf8Length(metadata);
      rows.add(new EventRow(e.eventId().toString(), e.type().value(), e.data(), metadata));
    }
    if (bytes > config.maxAppendBytes()) {
      throw new AppendTooLargeException(
          "An append may carry at most "
              + config.maxAppendBytes()
              + " bytes of data and metadata, this one has "
              + bytes);
    }
    return rows;
  }

  private static long utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static Map<EventId, IdempotentReplay.Stored> stored(List<StoredEventRef> refs) {
    Map<EventId, IdempotentReplay.Stored> stored = new HashMap<>();
    for (StoredEventRef r : refs) {
      stored.put(
          r.eventId(),
          new IdempotentReplay.Stored(
              r.streamId(), r.version(), r.position(), r.appendIndex(), r.appendCount()));
    }
    return stored;
  }

  @Override
  public StreamSlice readStream(
      TenantId tenant, StreamId stream, long from, Direction direction, int limit) {
    if (from < 1) {
      throw new InvalidRequestException("'from' must be a version of 1 or more, was " + from);
    }
    checkLimit(limit);
    tenants.requireExists(tenant);
    try {
      List<RecordedEvent> page = repository.readStream(tenant, stream, from, direction, limit + 1);
      if (page.isEmpty() && repository.streamInfo(tenant, stream).isEmpty()) {
        throw new StreamNotFoundException(stream);
      }
      if (page.size() > limit) {
        return new StreamSlice(
            List.copyOf(page.subList(0, limit)), OptionalLong.of(page.get(limit).version()));
      }
      return new StreamSlice(page, OptionalLong.empty());
    } catch (SQLException e) {
      throw new EJBException("Reading " + tenant + "/" + stream + " failed", e);
    }
  }

  @Override
  public AllSlice readAll(TenantId tenant, Checkpoint after, int limit) {
    checkLimit(limit);
    tenants.requireExists(tenant);
    try {
      if (!after.isStart() && !repository.checkpointExists(tenant, after)) {
        throw new InvalidRequestException(
            "Checkpoint '" + after + "' is not a position of this tenant's events");
      }
      List<RecordedEvent> page = repository.readAll(tenant, after, limit);
      Checkpoint next = page.isEmpty() ? after : page.get(page.size() - 1).position();
      return new AllSlice(page, next);
    } catch (SQLException e) {
      throw new EJBException("Reading $all of " + tenant + " failed", e);
    }
  }

  @Override
  public Optional<StreamInfo> streamInfo(TenantId tenant, StreamId stream) {
    tenants.requireExists(tenant);
    try {
      return repository.streamInfo(tenant, stream);
    } catch (SQLException e) {
      throw new EJBException("Reading " + tenant + "/" + stream + " failed", e);
    }
  }

  private void checkLimit(int limit) {
    if (limit < 1 || limit > config.maxReadLimit()) {
      throw new InvalidRequestException(
          "'limit' must be between 1 and " + config.maxReadLimit() + ", was " + limit);
    }
  }
}
