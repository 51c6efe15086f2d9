package dev.annals.bench.driver;

import dev.annals.eventstore.api.AllSlice;
import dev.annals.eventstore.api.AppendContext;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.EventId;
import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.EventType;
import dev.annals.eventstore.api.ExpectedVersion;
import dev.annals.eventstore.api.NewEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamSlice;
import dev.annals.eventstore.api.aggregate.Aggregates;
import dev.annals.eventstore.api.workflow.WorkflowType;
import dev.annals.tenancy.api.TenantId;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * One operation of each workload through the EJB API, exactly as an in-process caller would make
 * it: each call is its own transaction (the caller has none).
 */
final class EjbOperations {

  private static final AppendContext CONTEXT =
      new AppendContext(Payload.CORRELATION_ID, Payload.CAUSATION_ID, null);
  private static final EventType TYPE = new EventType(Payload.EVENT_TYPE);
  private static final TenantId WRITE = new TenantId(Payload.WRITE_TENANT);
  private static final TenantId READ = new TenantId(Payload.READ_TENANT);
  private static final TenantId VERSIONS = new TenantId(Payload.VERSIONS_TENANT);

  private final EventStore store;
  private final Aggregates aggregates;

  EjbOperations(EventStore store, Aggregates aggregates) {
    this.store = store;
    this.aggregates = aggregates;
  }

  /** Runs one operation; returns the events it wrote or read. */
  long run(Workload workload) {
    return switch (workload) {
      case APPEND_SINGLE, APPEND_BATCH -> append(workload);
      case READ_STREAM -> readPage(new StreamId(Payload.READ_STREAM), 1).events().size();
      case REBUILD -> rebuild(new StreamId(Payload.REBUILD_STREAM));
      case READ_ALL -> readAll();
      case PROJECTION_CATCH_UP, WEBHOOK_DELIVERY ->
          throw new IllegalArgumentException(workload + " is measured by its own class");
      case READ_UPCAST ->
          store
              .readStream(
                  VERSIONS, new StreamId(Payload.UPCAST_STREAM), 1, Direction.FORWARD, Payload.PAGE)
              .events()
              .size();
      case AGGREGATE_SNAPSHOT -> workflow(Payload.WORKFLOW_WITH_SNAPSHOT);
      case AGGREGATE_FULL -> workflow(Payload.WORKFLOW_WITHOUT_SNAPSHOT);
    };
  }

  private long append(Workload workload) {
    int n = workload.eventsPerOperation();
    StreamId stream = new StreamId(Payload.newStreamId(workload));
    store.append(WRITE, stream, new ExpectedVersion.NoStream(), events(n), CONTEXT);
    return n;
  }

  private StreamSlice readPage(StreamId stream, long from) {
    return store.readStream(READ, stream, from, Direction.FORWARD, Payload.PAGE);
  }

  private long rebuild(StreamId stream) {
    long events = 0;
    long from = 1;
    while (true) {
      StreamSlice slice = readPage(stream, from);
      events += slice.events().size();
      if (slice.next().isEmpty()) {
        return events;
      }
      from = slice.next().getAsLong();
    }
  }

  /** Loads a workflow; its version counts as the events it stands for. */
  private long workflow(String id) {
    return aggregates.load(VERSIONS, WorkflowType.INSTANCE, id).orElseThrow().version();
  }

  private long readAll() {
    long events = 0;
    Checkpoint after = Checkpoint.START;
    while (true) {
      AllSlice slice = store.readAll(READ, after, Payload.PAGE);
      events += slice.events().size();
      if (slice.events().size() < Payload.PAGE) {
        return events;
      }
      after = slice.checkpoint();
    }
  }

  /** The payload parsed once: the EJB API takes JSON values. */
  private static final JsonValue DATA =
      Json.createReader(new StringReader(Payload.DATA)).readValue();

  private static List<NewEvent> events(int n) {
    List<NewEvent> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      events.add(new NewEvent(EventId.random(), TYPE, DATA, JsonValue.EMPTY_JSON_OBJECT));
    }
    return events;
  }
}
