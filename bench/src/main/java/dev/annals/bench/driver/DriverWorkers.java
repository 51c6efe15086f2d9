package dev.annals.bench.driver;

import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.aggregate.Aggregates;
import dev.annals.eventstore.api.snapshot.Snapshots;
import dev.annals.eventstore.api.workflow.Workflow;
import dev.annals.eventstore.api.workflow.WorkflowType;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The in-container workers: each asynchronous call is one caller thread, managed by the container
 * so that EJB calls from it behave as from any request thread. NOT_SUPPORTED: the worker itself
 * runs outside a transaction, so every event-store call is its own transaction, as for a caller
 * without one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DriverWorkers {

  @EJB EventStore store;

  @EJB Aggregates aggregates;

  @EJB Snapshots snapshots;

  /**
   * Stores a snapshot of the workflow {@code id} of the versions tenant at {@code version}, as its
   * aggregate type writes one: the state folded from the events up to there.
   */
  public void snapshotWorkflow(String id, long version) {
    TenantId tenant = new TenantId(Payload.VERSIONS_TENANT);
    Workflow w = aggregates.loadAtVersion(tenant, WorkflowType.INSTANCE, id, version).orElseThrow();
    snapshots.save(
        tenant,
        WorkflowType.INSTANCE.streamOf(id),
        w.version(),
        WorkflowType.INSTANCE.snapshotSchemaVersion(),
        WorkflowType.INSTANCE.snapshot(w));
  }

  /**
   * Runs {@code workload} back to back until {@code endNanos}, recording only operations that start
   * after {@code warmupEndNanos} (both on {@link System#nanoTime()}).
   */
  @Asynchronous
  public Future<WorkerTally> work(Workload workload, long warmupEndNanos, long endNanos) {
    EjbOperations operations = new EjbOperations(store, aggregates);
    WorkerTally tally = new WorkerTally();
    long start = System.nanoTime();
    while (start < endNanos || tally.operations + tally.errors == 0) {
      boolean measured = start >= warmupEndNanos;
      try {
        long events = operations.run(workload);
        if (measured) {
          tally.succeeded(start, System.nanoTime(), events);
        }
      } catch (RuntimeException e) {
        if (measured) {
          tally.failed(e);
        }
      }
      start = System.nanoTime();
    }
    return CompletableFuture.completedFuture(tally);
  }
}
