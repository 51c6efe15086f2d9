package dev.annals.eventstore.internal;

import dev.annals.eventstore.api.StoreUnavailableException;
import dev.annals.eventstore.infrastructure.AppendCommand;
import dev.annals.eventstore.infrastructure.AppendOutcome;
import dev.annals.eventstore.infrastructure.AppendStatement;
import dev.annals.eventstore.infrastructure.AppendStatus;
import dev.annals.eventstore.infrastructure.wakeup.WakeupPublisher;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Placement;
import dev.annals.tenancy.api.SqlFailure;
import dev.annals.tenancy.api.TenantLookups;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Group commit: appends submitted concurrently wait in a queue; a few worker threads each take up
 * to a batch of them and run the batch in one database transaction, so one commit (one WAL flush)
 * acknowledges many appends. Every append keeps its own outcome (the append statement gives each
 * its own subtransaction), and none is acknowledged before its batch has committed. Appends are
 * locked in (tenant, stream) order inside a batch, so two batches never deadlock on each other's
 * stream rows. A lock held outside the batches (a caller's open transaction on a stream row or a
 * quota lock) is waited for only briefly in a batch: the append that waits then leaves the batch,
 * which commits without it, and waits alone on the managed executor, so one tenant's held lock
 * never stalls the commit workers and every other tenant's appends with them.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GroupCommit {

  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
  private static final int MAX_ATTEMPTS = 3;

  /** 100 tries 50 ms apart: appends wait out a move's fence (seconds at most) before a 503. */
  private static final int MAX_MOVED_ATTEMPTS = 100;

  private static final Comparator<Pending> LOCK_ORDER =
      Comparator.comparing((Pending p) -> p.placement().dataSource())
          .thenComparing(p -> p.placement().schema())
          .thenComparing(p -> p.command().tenant().value())
          .thenComparing(p -> p.command().stream().value());

  /** An append waiting for its batch (or, after it waited too long in one, to commit alone). */
  record Pending(
      AppendCommand command,
      Placement placement,
      CompletableFuture<AppendOutcome> outcome,
      int attempt) {}

  @Inject TenantLookups connections; // placement and datasource: cache lookups, no EJB hop

  @Resource private ManagedThreadFactory threads;

  /**
   * Where callers' continuations run once an outcome is known: never on a commit worker, which
   * would otherwise write HTTP responses for a whole batch before it could commit the next one.
   */
  @Resource private ManagedExecutorService completions;

  @Inject GroupCommitConfig config;

  @Inject MetricRegistry metrics;

  @Inject WakeupPublisher wakeups;

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;
  private Histogram batchSizes;
  private Counter leftBatches;

  @PostConstruct
  void start() {
    batchSizes = metrics.histogram("annals.eventstore.group_commit.batch_size");
    leftBatches = metrics.counter("annals.eventstore.group_commit.left_batch");
    running = true;
    for (int i = 0; i < config.workers(); i++) {
      Thread worker = threads.newThread(this::work);
      worker.setName("annals-group-commit-" + i);
      worker.start();
      workers.add(worker);
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    for (Thread worker : workers) {
      try {
        worker.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.outcome().completeExceptionally(unavailable("the server is stopping")));
  }

  /** Queues an append; the future completes once its batch has committed (or failed). */
  public CompletableFuture<AppendOutcome> submit(AppendCommand command) {
    CompletableFuture<AppendOutcome> outcome = new CompletableFuture<>();
    if (!running) {
      outcome.completeExceptionally(unavailable("the server is stopping"));
    } else {
      queue.add(new Pending(command, connections.placement(command.tenant()), outcome, 1));
    }
    return outcome.thenApplyAsync(o -> o, completions);
  }

  private void work() {
    List<Pending> batch = new ArrayList<>(config.maxBatch());
    while (running) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, config.maxBatch() - 1);
        resolvePlacements(batch);
        if (!batch.isEmpty()) {
          commit(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Group commit failed unexpectedly", e);
        batch.forEach(p -> p.outcome().completeExceptionally(unavailable("an internal error")));
      } finally {
        batch.clear();
      }
    }
  }

  /**
   * Commits a batch: one local transaction per datasource (appends of tenants whose data lives in
   * one database commit together), one call of the schema's append function per schema within it.
   */
  private void commit(List<Pending> batch) {
    batch.sort(LOCK_ORDER);
    batchSizes.update(batch.size());
    Runs.of(batch, p -> p.placement().dataSource()).forEach(this::commitOne);
  }

  /**
   * Commits appends that share one datasource, in one local transaction; when what one append
   * carries makes the transaction fail (the edge's checks should have refused it: this is the
   * second line), the others are committed without it and it alone is refused with a 400.
   */
  private void commitOne(List<Pending> batch) {
    Bisection.commit(batch, b -> tryCommit(b, config.lockTimeoutMs()), this::refuse);
  }

  /** Commits an append that left its batch, by itself, waiting longer for its locks. */
  private void commitAlone(Pending p) {
    try {
      Bisection.commit(List.of(p), b -> tryCommit(b, config.aloneLockTimeoutMs()), this::refuse);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "An append committed alone failed unexpectedly", e);
      p.outcome().completeExceptionally(unavailable("an internal error"));
    }
  }

  /**
   * Commits {@code batch} in one local transaction and answers each append; on a failure that is
   * nobody's input answers them all 503.
   *
   * @return the failure when one of the appends' input made the transaction fail (nothing is
   *     committed or answered then)
   */
  private Optional<Exception> tryCommit(List<Pending> batch, long lockTimeoutMs) {
    List<AppendOutcome> outcomes = new ArrayList<>(batch.size());
    try (Connection c = connections.localDataSource(batch.get(0).placement()).getConnection()) {
      c.setAutoCommit(false);
      try {
        for (List<Pending> schema : Runs.of(batch, Pending::placement)) {
          outcomes.addAll(
              AppendStatement.execute(
                  c,
                  schema.get(0).placement().schema(),
                  schema.stream().map(Pending::command).toList(),
                  lockTimeoutMs));
        }
        c.commit();
      } catch (SQLException e) {
        rollback(c);
        throw e;
      }
    } catch (SQLException | UnavailableException e) {
      if (SqlFailure.of(e) == SqlFailure.INPUT) {
        return Optional.of(e);
      }
      LOG.log(
          Level.WARNING,
          "Group commit of {0} appends failed, none acknowledged: {1}",
          new Object[] {batch.size(), e.getMessage()});
      batch.forEach(
          p -> p.outcome().completeExceptionally(unavailable("the database did not commit", e)));
      return Optional.empty();
    }
    for (int i = 0; i < batch.size(); i++) {
      if (outcomes.get(i).status() == AppendStatus.OK) {
        wakeups.committed(batch.get(i).command().tenant());
      }
      answer(batch.get(i), outcomes.get(i));
    }
    return Optional.empty();
  }

  private void answer(Pending p, AppendOutcome outcome) {
    if (outcome.status() == AppendStatus.RETRY && p.attempt() < MAX_ATTEMPTS) {
      // It waited too long for a lock (or lost a race) in its batch: alone from now on, off the
      // commit workers, so it holds up no other append while it waits.
      leftBatches.inc();
      Pending again = new Pending(p.command(), p.placement(), p.outcome(), p.attempt() + 1);
      completions.execute(() -> commitAlone(again));
    } else if (outcome.status() == AppendStatus.MOVED && p.attempt() < MAX_MOVED_ATTEMPTS) {
      // The tenant's gate here closed for a move: wait out the fence, then try wherever the
      // registry places the tenant by then (the switch invalidates this node's cache).
      CompletableFuture.runAsync(
          () -> requeueAfterMove(p), CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    } else {
      p.outcome().complete(outcome);
    }
  }

  /** An append whose own content the database refused: a 400, nothing stored. */
  private void refuse(Pending culprit, Exception failure) {
    LOG.log(
        Level.WARNING,
        "An append to {0}/{1} could not be stored and was refused: {2}",
        new Object[] {
          culprit.command().tenant(), culprit.command().stream(), failure.getMessage()
        });
    culprit
        .outcome()
        .completeExceptionally(
            new InvalidRequestException(
                "The events could not be stored as sent: " + SqlFailure.inputReason(failure)));
  }

  /** Back in the queue without a placement: a worker looks it up again. */
  private void requeueAfterMove(Pending p) {
    queue.add(new Pending(p.command(), null, p.outcome(), p.attempt() + 1));
  }

  /** Looks up again the placement of appends requeued after a move; drops those that fail. */
  private void resolvePlacements(List<Pending> batch) {
    for (int i = batch.size() - 1; i >= 0; i--) {
      Pending p = batch.get(i);
      if (p.placement() == null) {
        try {
          batch.set(
              i,
              new Pending(
                  p.command(),
                  connections.placement(p.command().tenant()),
                  p.outcome(),
                  p.attempt()));
        } catch (RuntimeException e) {
          p.outcome().completeExceptionally(e);
          batch.remove(i);
        }
      }
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Rollback after a failed group commit failed too", e);
    }
  }

  private static StoreUnavailableException unavailable(String why) {
    return unavailable(why, null);
  }

  private static StoreUnavailableException unavailable(String why, Throwable cause) {
    return new StoreUnavailableException(
        "The append was not acknowledged ("
            + why
            + "); retry it with the same event ids: that is always safe",
        cause);
  }
}
