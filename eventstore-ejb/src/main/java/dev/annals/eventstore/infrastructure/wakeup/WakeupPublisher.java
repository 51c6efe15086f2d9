package dev.annals.eventstore.infrastructure.wakeup;

import dev.annals.eventstore.infrastructure.RedisConnection;
import dev.annals.eventstore.infrastructure.RedisStatus;
import dev.annals.tenancy.api.AfterCommit;
import dev.annals.tenancy.api.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Publishes a tenant's wake-up on Redis once its append has committed, never before and never for a
 * rolled-back one. The append path only marks the tenant pending (a set add and a flag): one
 * background task at a time publishes every pending tenant once, so a burst of appends costs one
 * PUBLISH per tenant, and a down or hung Redis costs the append path nothing. A wake-up that is not
 * published (Redis down, or not answering within the fast client's timeout) is only a delay:
 * listeners elsewhere poll meanwhile ({@link RedisWakeups}). Counters {@code
 * annals.wakeups.published} and {@code annals.wakeups.unpublished}.
 */
@ApplicationScoped
public class WakeupPublisher {

  private static final Logger LOG = Logger.getLogger(WakeupPublisher.class.getName());

  @Inject RedisConnection redis;

  @Inject RedisStatus status;

  @Inject MetricRegistry metrics;

  @Resource ManagedExecutorService executor;

  @Resource TransactionSynchronizationRegistry transactions;

  private final Set<TenantId> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean flushing = new AtomicBoolean();
  private Counter published;
  private Counter unpublished;

  @PostConstruct
  void start() {
    published = metrics.counter("annals.wakeups.published");
    unpublished = metrics.counter("annals.wakeups.unpublished");
  }

  /**
   * Publishes the tenant's wake-up once the current JTA transaction has committed (nothing when it
   * rolls back); at once when there is no transaction. One per tenant and transaction.
   */
  public void afterCommit(TenantId tenant) {
    if (transactions.getTransactionKey() == null) {
      committed(tenant);
      return;
    }
    String key = "annals.wakeup." + tenant.value();
    if (transactions.getResource(key) != null) {
      return;
    }
    transactions.putResource(key, Boolean.TRUE);
    AfterCommit.run(transactions, () -> committed(tenant));
  }

  /** The tenant's append has committed: publish its wake-up soon, off the caller's thread. */
  public void committed(TenantId tenant) {
    pending.add(tenant);
    if (flushing.compareAndSet(false, true)) {
      try {
        executor.execute(this::flush);
      } catch (RejectedExecutionException e) {
        // The server is stopping: listeners poll, nothing is lost.
        flushing.set(false);
      }
    }
  }

  /** Publishes every pending tenant once; runs again if more arrived while it finished. */
  private void flush() {
    do {
      for (Iterator<TenantId> it = pending.iterator(); it.hasNext(); ) {
        TenantId tenant = it.next();
        it.remove();
        publish(tenant);
      }
      flushing.set(false);
    } while (!pending.isEmpty() && flushing.compareAndSet(false, true));
  }

  private void publish(TenantId tenant) {
    if (!status.last().up()) {
      unpublished.inc();
      return;
    }
    try {
      redis.fastClient().publish(WakeupChannels.of(tenant), "");
      published.inc();
    } catch (JedisException e) {
      unpublished.inc();
      LOG.log(Level.FINE, "A wake-up was not published; listeners poll meanwhile", e);
    }
  }
}
