package dev.annals.eventstore.internal.aggregate;

import dev.annals.eventstore.api.AppendContext;
import dev.annals.eventstore.api.AppendResult;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.EventStoreLimits;
import dev.annals.eventstore.api.ExpectedVersion;
import dev.annals.eventstore.api.JsonText;
import dev.annals.eventstore.api.NewEvent;
import dev.annals.eventstore.api.ReadForm;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamInfo;
import dev.annals.eventstore.api.StreamSlice;
import dev.annals.eventstore.api.WrongExpectedVersionException;
import dev.annals.eventstore.api.aggregate.Aggregate;
import dev.annals.eventstore.api.aggregate.AggregateNotFoundException;
import dev.annals.eventstore.api.aggregate.AggregateType;
import dev.annals.eventstore.api.aggregate.Aggregates;
import dev.annals.eventstore.api.aggregate.BusinessRuleViolationException;
import dev.annals.eventstore.api.aggregate.Command;
import dev.annals.eventstore.api.aggregate.Saved;
import dev.annals.eventstore.api.snapshot.SnapshotPolicy;
import dev.annals.eventstore.infrastructure.snapshot.SnapshotRepository;
import dev.annals.eventstore.internal.StoreFailure;
import dev.annals.eventstore.internal.snapshot.SnapshotPolicies;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads aggregates (snapshot + tail, {@link AggregateLoader}) and saves what commands raise: one
 * JTA transaction per call, so the append and the snapshot it triggers commit together, and a
 * concurrent command that saved first makes this one's exact expected version fail (409).
 */
@Stateless
public class AggregatesBean implements Aggregates {

  /** How far back a keyed command's earlier run is looked for, in events. */
  static final int REPLAY_LOOKBACK = 100;

  @EJB EventStore store;

  @Inject EventStoreLimits limits;

  @Inject AggregateLoader loader;

  @Inject SnapshotRepository snapshots;

  @Inject SnapshotPolicies policies;

  @Override
  public <A extends Aggregate<E>, E> Optional<A> load(
      TenantId tenant, AggregateType<A, E> type, String id) {
    return loader.load(tenant, type, id, Long.MAX_VALUE, null);
  }

  @Override
  public <A extends Aggregate<E>, E> Optional<A> loadAtVersion(
      TenantId tenant, AggregateType<A, E> type, String id, long version) {
    if (version < 1) {
      throw new InvalidRequestException("A version must be 1 or more, was " + version);
    }
    return loader.load(tenant, type, id, version, null);
  }

  @Override
  public <A extends Aggregate<E>, E> Optional<A> loadAsOf(
      TenantId tenant, AggregateType<A, E> type, String id, Instant time) {
    return loader.load(tenant, type, id, Long.MAX_VALUE, time);
  }

  @Override
  public <A extends Aggregate<E>, E> Saved<A> create(
      TenantId tenant, AggregateType<A, E> type, String id, Command<A> command) {
    A aggregate = type.blank(id);
    command.decision().accept(aggregate);
    return save(tenant, type, aggregate, command);
  }

  @Override
  public <A extends Aggregate<E>, E> Saved<A> execute(
      TenantId tenant, AggregateType<A, E> type, String id, Command<A> command) {
    A aggregate =
        load(tenant, type, id)
            .orElseThrow(() -> new AggregateNotFoundException(type.category(), id));
    if (command.expectedVersion() != null && command.expectedVersion() != aggregate.version()) {
      throw new WrongExpectedVersionException(
          type.streamOf(id),
          new ExpectedVersion.Exact(command.expectedVersion()),
          aggregate.version());
    }
    try {
      command.decision().accept(aggregate);
    } catch (BusinessRuleViolationException refused) {
      // A resend of a command that was stored: its state transition is refused now (a second
      // start), but the caller's command did happen.
      if (command.key().isPresent()
          && storedRecently(tenant, type.streamOf(id), eventId(type.streamOf(id), command, 0))) {
        return new Saved<>(aggregate, true);
      }
      throw refused;
    }
    return save(tenant, type, aggregate, command);
  }

  @Override
  public <A extends Aggregate<E>, E> Saved<A> save(
      TenantId tenant,
      AggregateType<A, E> type,
      A aggregate,
      String commandName,
      AppendContext context) {
    return save(tenant, type, aggregate, new Command<>(commandName, a -> {}, null, null, context));
  }

  private <A extends Aggregate<E>, E> Saved<A> save(
      TenantId tenant, AggregateType<A, E> type, A aggregate, Command<A> command) {
    List<E> raised = aggregate.raisedEvents();
    if (raised.isEmpty()) {
      return new Saved<>(aggregate, false);
    }
    StreamId stream = type.streamOf(aggregate.id());
    JsonObject metadata = Json.createObjectBuilder().add("command", command.name()).build();
    List<NewEvent> events = new ArrayList<>(raised.size());
    for (int i = 0; i < raised.size(); i++) {
      AggregateType.Encoded encoded = type.encode(raised.get(i));
      EventId eventId = command.key().isPresent() ? eventId(stream, command, i) : EventId.random();
      events.add(new NewEvent(eventId, encoded.type(), encoded.data(), metadata));
    }
    long before = aggregate.loadedVersion();
    AppendResult result =
        store.append(tenant, stream, new ExpectedVersion.Exact(before), events, command.context());
    if (result.replayed()) {
      return new Saved<>(
          load(tenant, type, aggregate.id())
              .orElseThrow(() -> new AggregateNotFoundException(type.category(), aggregate.id())),
          true);
    }
    aggregate.saved(result.lastVersion());
    SnapshotPolicy policy = policies.of(stream);
    if (policy.snapshotAfter(before, result.lastVersion())) {
      try {
        snapshots.save(
            tenant,
            stream,
            result.lastVersion(),
            type.snapshotSchemaVersion(),
            JsonText.of(type.snapshot(aggregate)),
            policy.keep());
      } catch (SQLException e) {
        throw StoreFailure.of("snapshot " + tenant + "/" + stream, e);
      }
    }
    return new Saved<>(aggregate, false);
  }

  /** Whether one of the stream's last {@value #REPLAY_LOOKBACK} events has this id. */
  private boolean storedRecently(TenantId tenant, StreamId stream, EventId id) {
    Optional<StreamInfo> head = store.streamInfo(tenant, stream);
    if (head.isEmpty()) {
      return false;
    }
    StreamSlice last =
        store.readStream(
            tenant,
            stream,
            head.get().version(),
            Direction.BACKWARD,
            Math.min(REPLAY_LOOKBACK, limits.maxReadLimit()),
            ReadForm.STORED); // only ids are compared
    for (RecordedEvent e : last.events()) {
      if (e.eventId().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /** The id of a keyed command's {@code index}th event: the same for every resend. */
  static EventId eventId(StreamId stream, Command<?> command, int index) {
    String name =
        stream.value()
            + '\u0000'
            + command.name()
            + '\u0000'
            + command.idempotencyKey()
            + '\u0000'
            + index;
    return new EventId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
  }
}
