package dev.annals.eventstore.internal;

import dev.annals.eventstore.api.AllScan;
import dev.annals.eventstore.api.AllSlice;
import dev.annals.eventstore.api.AppendContext;
import dev.annals.eventstore.api.AppendResult;
import dev.annals.eventstore.api.AppendTooLargeException;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.EventReads;
import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.EventStoreLimits;
import dev.annals.eventstore.api.ExpectedVersion;
import dev.annals.eventstore.api.JsonText;
import dev.annals.eventstore.api.NewEvent;
import dev.annals.eventstore.api.ReadForm;
import dev.annals.eventstore.api.StorableJson;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamInfo;
import dev.annals.eventstore.api.StreamSlice;
import dev.annals.eventstore.api.subscription.SubscriptionFilter;
import dev.annals.eventstore.infrastructure.AppendCommand;
import dev.annals.eventstore.infrastructure.AppendOutcome;
import dev.annals.eventstore.infrastructure.AppendStatus;
import dev.annals.eventstore.infrastructure.EventRepository;
import dev.annals.eventstore.infrastructure.EventRow;
import dev.annals.eventstore.infrastructure.wakeup.WakeupPublisher;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Quota;
import dev.annals.tenancy.api.QuotaSettings;
import dev.annals.tenancy.api.SqlFailure;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantLookups;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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

  @Inject TenantLookups tenants; // cache lookups: no EJB hop per append or read

  @Inject EventRepository repository;

  @Inject EventReads reads;

  @Inject EventStoreLimits config;

  @Inject GroupCommit groupCommit;

  @Inject WakeupPublisher wakeups;

  @Inject AllFollowing following;

  @Resource SessionContext transaction;

  /** The caller principal's name for a caller without a login (Liberty's convention). */
  private static final String UNAUTHENTICATED = "UNAUTHENTICATED";

  @Override
  public AppendResult append(
      TenantId tenant,
      StreamId stream,
      ExpectedVersion expected,
      List<NewEvent> events,
      AppendContext context) {
    AppendCommand command = command(tenant, stream, expected, events, context);
    try {
      AppendOutcome outcome = repository.append(command);
      if (outcome.status() == AppendStatus.OK) {
        wakeups.afterCommit(tenant);
      }
      return AppendAnswers.answer(command, outcome);
    } catch (SQLException e) {
      if (SqlFailure.of(e) == SqlFailure.INPUT) {
        // The statement failed, so the caller's transaction cannot commit anything it holds.
        transaction.setRollbackOnly();
        throw new InvalidRequestException(
            "The events could not be stored as sent: " + SqlFailure.inputReason(e));
      }
      throw failure("append to " + tenant + "/" + stream, e);
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
    return groupCommit.submit(command).thenApply(outcome -> AppendAnswers.answer(command, outcome));
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
    List<EventRow> rows =
        rows(events, withCaller(context == null ? AppendContext.none() : context));
    tenants.requireWritable(tenant);
    QuotaSettings limits = tenants.limits(tenant);
    return new AppendCommand(
        tenant,
        stream,
        expected,
        rows,
        limits.limit(Quota.STREAMS),
        limits.limit(Quota.STORAGE_BYTES));
  }

  /**
   * The context as given when it names a principal (the web layer passes its authenticated caller);
   * otherwise an in-process caller's own login, if it has one, is the principal.
   */
  private AppendContext withCaller(AppendContext context) {
    if (context.principal() != null) {
      return context;
    }
    Principal caller = transaction.getCallerPrincipal();
    String name = caller == null ? null : caller.getName();
    return name == null || name.isEmpty() || name.equals(UNAUTHENTICATED)
        ? context
        : new AppendContext(context.correlationId(), context.causationId(), name);
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
    for (int i = 0; i < events.size(); i++) {
      NewEvent e = events.get(i);
      if (!seen.add(e.eventId())) {
        throw new InvalidRequestException(
            "Event id " + e.eventId() + " appears twice in one append: every event needs its own");
      }
      // What reads return may be longer than what was sent (numbers come back in plain
      // notation): that growth counts against the append limit too.
      bytes += StorableJson.check(e.data(), "events[" + i + "].data");
      bytes += StorableJson.check(e.metadata(), "events[" + i + "].metadata");
      String data = JsonText.of(e.data());
      String metadata = JsonText.of(EventMetadata.complete(e.metadata(), context, correlationId));
      bytes += utf8Length(data) + utf8Length(metadata);
      rows.add(
          new EventRow(
              e.eventId().toString(), e.type().value(), data, metadata, e.schemaVersion()));
    }
    if (bytes > config.maxAppendBytes()) {
      throw new AppendTooLargeException(
          "An append may carry at most "
              + config.maxAppendBytes()
              + " bytes of data and metadata (as stored and read back), this one has "
              + bytes);
    }
    return rows;
  }

  private static long utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads need no transaction
  public StreamSlice readStream(
      TenantId tenant, StreamId stream, long from, Direction direction, int limit) {
    return readStream(tenant, stream, from, direction, limit, ReadForm.CURRENT);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads need no transaction
  public StreamSlice readStream(
      TenantId tenant, StreamId stream, long from, Direction direction, int limit, ReadForm form) {
    return reads.readStream(tenant, stream, from, direction, limit, form);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads need no transaction
  public AllSlice readAll(TenantId tenant, Checkpoint after, int limit) {
    return readAll(tenant, after, limit, ReadForm.CURRENT);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads need no transaction
  public AllSlice readAll(TenantId tenant, Checkpoint after, int limit, ReadForm form) {
    return reads.readAll(tenant, after, limit, form);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads need no transaction
  public AllScan follow(
      TenantId tenant, Checkpoint after, int limit, ReadForm form, SubscriptionFilter filter) {
    checkLimit(limit);
    tenants.requireReadable(tenant);
    try {
      return following
          .scan(tenant, after, limit, form, filter)
          .orElseThrow(
              () ->
                  new InvalidRequestException(
                      "Checkpoint '" + after + "' is not a position of this tenant's events"));
    } catch (SQLException e) {
      throw failure("follow $all of " + tenant, e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads need no transaction
  public Optional<StreamInfo> streamInfo(TenantId tenant, StreamId stream) {
    return reads.streamInfo(tenant, stream);
  }

  static RuntimeException failure(String what, SQLException e) {
    return StoreFailure.of(what, e);
  }

  private void checkLimit(int limit) {
    checkLimit(limit, config);
  }

  /** Refuses a page size outside 1 to the configured read limit. */
  static void checkLimit(int limit, EventStoreLimits config) {
    if (limit < 1 || limit > config.maxReadLimit()) {
      throw new InvalidRequestException(
          "'limit' must be between 1 and " + config.maxReadLimit() + ", was " + limit);
    }
  }
}
