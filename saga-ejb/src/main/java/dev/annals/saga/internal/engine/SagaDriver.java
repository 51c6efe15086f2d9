package dev.annals.saga.internal.engine;

import dev.annals.dlq.api.RedeliveryRegistry;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.infrastructure.index.SagaIndex;
import dev.annals.saga.internal.deadletter.SagaLetters;
import dev.annals.saga.internal.deadletter.SagaRedelivery;
import dev.annals.saga.internal.execution.Transactions;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantPage;
import dev.annals.tenancy.api.TenantState;
import dev.annals.tenancy.api.Tenants;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs sagas on this node: a saga just started (or cancelled, or retried) here at once, and every
 * scan interval the due sagas of each live tenant — a retry's or a deadline's time come, or left
 * mid-step by a node that stopped. Each saga is run under a lease claimed with {@code FOR UPDATE
 * SKIP LOCKED}, so one node runs it (and fires each timer); the first scan after start-up resumes
 * what was left incomplete. The node renews the leases of the sagas it runs every third of their
 * length, so a crashed node's sagas are free a lease after it stopped, however long a step takes;
 * the saga's log, saved with expected versions, keeps even an overlap from recording anything
 * twice.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SagaDriver {

  private static final Logger LOG = Logger.getLogger(SagaDriver.class.getName());

  private static final int TENANT_PAGE = 500;

  @EJB Tenants tenants;

  @EJB RedeliveryRegistry redeliveries;

  @EJB SagaRedelivery redelivery;

  @Inject SagaEngine engine;

  @Inject SagaIndex index;

  @Inject NodeName node;

  @Inject SagasConfig config;

  @Resource ManagedScheduledExecutorService executor;

  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private ScheduledFuture<?> scans;
  private ScheduledFuture<?> renewals;
  private volatile boolean stopping;

  @PostConstruct
  void start() {
    redeliveries.register(SagaLetters.KIND, redelivery::redeliver);
    long interval = config.scanIntervalMs();
    scans = executor.scheduleWithFixedDelay(this::scan, interval, interval, TimeUnit.MILLISECONDS);
    long renew = config.leaseMs() / 3;
    renewals = executor.scheduleWithFixedDelay(this::renew, renew, renew, TimeUnit.MILLISECONDS);
    LOG.log(Level.INFO, "Sagas are driven from node {0}", node.id());
  }

  @PreDestroy
  void stop() {
    stopping = true;
    for (ScheduledFuture<?> task : new ScheduledFuture<?>[] {scans, renewals}) {
      if (task != null) {
        task.cancel(false);
      }
    }
  }

  /** Runs the saga here now if it is due and free (after a start, cancel or retry here). */
  public void runSoon(TenantId tenant, SagaId id) {
    executor.execute(() -> claimAndRun(tenant, Optional.of(id.value())));
  }

  private void scan() {
    try {
      Optional<TenantId> after = Optional.empty();
      do {
        TenantPage page = tenants.list(after, TENANT_PAGE);
        for (Tenant t : page.tenants()) {
          if (t.state() == TenantState.ACTIVE && !t.deleted() && !t.purged() && !stopping) {
            claimAndRun(t.id(), Optional.empty());
          }
        }
        after = page.next();
      } while (after.isPresent());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Saga scan failed: {0}", e.toString());
    }
  }

  /** Extends the leases of the sagas running here, per tenant. */
  private void renew() {
    Map<String, List<String>> byTenant = new HashMap<>();
    for (String key : running) {
      int slash = key.indexOf('/');
      byTenant
          .computeIfAbsent(key.substring(0, slash), t -> new ArrayList<>())
          .add(key.substring(slash + 1));
    }
    Transactions tx = engine.transactions();
    byTenant.forEach(
        (tenant, ids) -> {
          try {
            tx.inNew(
                () -> {
                  try {
                    index.renew(new TenantId(tenant), ids, node.id(), config.leaseMs());
                    return null;
                  } catch (SQLException e) {
                    throw UnavailableException.databaseDidNotAnswer("renew saga leases", e);
                  }
                });
          } catch (RuntimeException e) {
            LOG.log(
                Level.FINE, "Could not renew saga leases of {0}: {1}", new Object[] {tenant, e});
          }
        });
  }

  private void claimAndRun(TenantId tenant, Optional<String> only) {
    List<String> claimed;
    Transactions tx = engine.transactions();
    try {
      claimed =
          tx.inNew(
              () -> {
                try {
                  return index.claimDue(
                      tenant, node.id(), config.leaseMs(), only, config.batchSize());
                } catch (SQLException e) {
                  throw UnavailableException.databaseDidNotAnswer("claim sagas", e);
                }
              });
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Could not claim sagas of {0}: {1}", new Object[] {tenant, e});
      return;
    }
    for (String id : claimed) {
      String key = tenant.value() + "/" + id;
      if (running.add(key)) {
        executor.execute(() -> run(tenant, id, key));
      }
    }
  }

  private void run(TenantId tenant, String id, String key) {
    Transactions tx = engine.transactions();
    try {
      engine.runner(tenant).advance(new SagaId(id));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Saga {0} of {1} stopped: {2}", new Object[] {id, tenant, e.toString()});
    } finally {
      running.remove(key);
      try {
        tx.inNew(
            () -> {
              try {
                index.release(tenant, id, node.id());
                return null;
              } catch (SQLException e) {
                throw UnavailableException.databaseDidNotAnswer("release saga " + id, e);
              }
            });
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Could not hand back saga {0}: {1}", new Object[] {id, e});
      }
    }
  }
}
