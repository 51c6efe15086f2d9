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
import dev.annals.eventstore.api.JsonText;
import dev.annals.eventstore.api.NewEvent;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StoreUnavailableException;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamInfo;
import dev.annals.eventstore.api.StreamNotFoundException;
import dev.annals.eventstore.api.StreamSlice;
import dev.annals.eventstore.api.WrongExpectedVersionException;
import dev.annals.eventstore.infrastructure.AppendCommand;
import dev.annals.eventstore.infrastructure.AppendOutcome;
import dev.annals.eventstore.infrastructure.EventRepository;
import dev.annals.eventstore.infrastructure.EventRow;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantGoneException;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantNotFoundException;
import dev.annals.tenancy.api.TenantSuspendedException;
import dev.annals.tenancy.api.Tenants;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The event store's transaction boundary. {@link #append} runs inside the caller's JTA transaction;
 * {@link #appendDurably} hands the append to group commit. Both run the same append statement
 * ({@code annals.append_batch}), which locks the stream's row first: versions never have holes, a
 * resend finds its stored original, and exactly one of N racing appends with the same expected
 * version wins.
 */
@Stateless
public class EventStoreBean implements EventStore {

  private static final String INVALID_JSON = "22P02";

  @EJB Tenants tenants;

  @Inject EventRepository repository;

  @Inject EventStoreLimits config;

  @Inject GroupCommit groupCommit;

  @Override
  public AppendResult append(
      TenantId tenant,
      StreamId stream,
      ExpectedVersion expected,
      List<NewEvent> events,
      AppendContext context) {
    AppendCommand command = command(tenant, stream, expected, events, context);
    try {
      return result(command, repository.append(command));
    } catch (SQLException e) {
      throw new EJBException("Append to " + tenant + "/" + stream + " failed", e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public CompletionStage<AppendResult> appendDurably(
      TenantId tenant,
      StreamId stream,
      ExpectedVersion expected,
      List<NewEvent> events,
      AppendContext context) {
    AppendCommand command = command(tenant, stream, expected, events, context);
    return groupCommit.submit(command).thenApply(outcome -> result(command, outcome));
  }

  /**
   * Validates an append and completes its metadata; the tenant must exist and not be suspended (the
   * write gate checks again, exactly, inside the writing transaction).
   */
  private AppendCommand command(
      TenantId tenant,
      StreamId stream,
      ExpectedVersion expected,
      List<NewEvent> events,
      AppendContext context) {
    List<EventRow> rows = rows(events, context == null ? AppendContext.none() : context);
    tenants.requireWritable(tenant);
    return new AppendCommand(tenant, stream, expected, rows);
  }

  /** The caller's answer for what the append statement decided. */
  private static AppendResult result(AppendCommand command, AppendOutcome outcome) {
    switch (outcome.status()) {
      case "ok":
      case "replayed":
        return new AppendResult(
            command.stream(),
            outcome.firstVersion(),
            outcome.lastVersion(),
            outcome.position(),
            outcome.status().equals("replayed"));
      case "wrong_version":
        throw new WrongExpectedVersionException(
            command.stream(), command.expected(), outcome.currentVersion());
      case "suspended":
        throw new TenantSuspendedException(command.tenant());
      case "deleted":
        throw new TenantGoneException(command.tenant());
      case "no_tenant":
        throw new TenantNotFoundException(command.tenant());
      case "moved":
        throw new StoreUnavailableException(
            "Tenant '"
                + command.tenant()
                + "' is switching to its new place (a move); retry in a moment with the same event"
                + " ids");
      case "id_conflict":
        throw new EventIdConflictException(
            "Some event ids of this append are stored already, but not as this same append"
                + " (another stream, another order, part of an append, or mixed with new ids):"
                + " a resend must repeat the original append exactly; new events need new ids");
      default:
        throw new StoreUnavailableException(
            "The append lost a race with concurrent appends to the same streams; retry it with"
                + " the same event ids");
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
      String data = JsonText.of(e.data());
      String metadata = JsonText.of(EventMetadata.complete(e.metadata(), context, correlationId));
      bytes += utf8Length(data) + utf8Length(metadata);
      rows.add(new EventRow(e.eventId().toString(), e.type().value(), data, metadata));
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

  @Override
  public StreamSlice readStream(
      TenantId tenant, StreamId stream, long from, Direction direction, int limit) {
    if (from < 1) {
      throw new InvalidRequestException("'from' must be a version of 1 or more, was " + from);
    }
    checkLimit(limit);
    tenants.requireReadable(tenant);
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
    tenants.requireReadable(tenant);
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
    tenants.requireReadable(tenant);
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
