package dev.annals.eventstore.internal;

import dev.annals.eventstore.infrastructure.AppendCommand;
import dev.annals.eventstore.infrastructure.AppendOutcome;
import dev.annals.eventstore.infrastructure.AppendStatement;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Group commit: appends submitted concurrently wait in a queue; a few worker threads each take up
 * to a batch of them and run the batch in one database transaction, so one commit (one WAL flush)
 * acknowledges many appends. Every append keeps its own outcome (the append statement gives each
 * its own subtransaction), and none is acknowledged before its batch has committed. Appends are
 * locked in (tenant, stream) order inside a batch, so two batches never deadlock on each other's
 * stream rows.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GroupCommit {

  private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
  private static final int MAX_ATTEMPTS = 3;
  private static final Comparator<Pending> LOCK_ORDER =
      Comparator.comparing((Pending p) -> p.command().tenant().value())
          .thenComparing(p -> p.command().stream().value());

  /** An append waiting for its batch. */
  record Pending(AppendCommand command, CompletableFuture<AppendOutcome> outcome, int attempt) {}

  @Resource(lookup = "jdbc/annals/grouped")
  private DataSource grouped;

  @Resource private ManagedThreadFactory threads;

  @Inject GroupCommitConfig config;

  @Inject MetricRegistry metrics;

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;
  private Histogram batchSizes;

  @PostConstruct
  void start() {
    batchSizes = metrics.histogram("annals.eventstore.group_commit.batch_size");
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
      queue.add(new Pending(command, outcome, 1));
    }
    return outcome;
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
        commit(batch);
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

  private void commit(List<Pending> batch) {
    batch.sort(LOCK_ORDER);
    batchSizes.update(batch.size());
    List<AppendOutcome> outcomes;
    try (Connection c = grouped.getConnection()) {
      c.setAutoCommit(false);
      try {
        outcomes = AppendStatement.execute(c, batch.stream().map(Pending::command).toList());
        c.commit();
      } catch (SQLException e) {
        rollback(c);
        throw e;
      }
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "Group commit of {0} appends failed, none acknowledged: {1}",
          new Object[] {batch.size(), e.getMessage()});
      batch.forEach(
          p -> p.outcome().completeExceptionally(unavailable("the database did not commit")));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      AppendOutcome outcome = outcomes.get(i);
      if ("retry".equals(outcome.status()) && p.attempt() < MAX_ATTEMPTS) {
        queue.add(new Pending(p.command(), p.outcome(), p.attempt() + 1));
      } else {
        p.outcome().complete(outcome);
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

  private static dev.annals.eventstore.api.StoreUnavailableException unavailable(String why) {
    return new dev.annals.eventstore.api.StoreUnavailableException(
        "The append was not acknowledged ("
            + why
            + "); retry it with the same event ids: that is always safe");
  }
}
