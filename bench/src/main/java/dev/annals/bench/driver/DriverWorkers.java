package dev.annals.bench.driver;

import dev.annals.eventstore.api.EventStore;
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

  /**
   * Runs {@code workload} back to back until {@code endNanos}, recording only operations that start
   * after {@code warmupEndNanos} (both on {@link System#nanoTime()}).
   */
  @Asynchronous
  public Future<WorkerTally> work(Workload workload, long warmupEndNanos, long endNanos) {
    EjbOperations operations = new EjbOperations(store);
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
