package dev.annals.eventstore.internal.subscription;

import dev.annals.dlq.api.LetterRetries;
import dev.annals.dlq.api.PoisonRule;
import dev.annals.dlq.api.Policies;
import dev.annals.dlq.api.RedeliveryRegistry;
import dev.annals.eventstore.api.Wakeups;
import dev.annals.eventstore.infrastructure.subscription.WebhookClient;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantPage;
import dev.annals.tenancy.api.TenantState;
import dev.annals.tenancy.api.Tenants;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes this node drive its share of subscriptions. Every scan interval it walks the live tenants
 * and, per tenant in one statement, claims subscriptions whose lease is free or expired and renews
 * its own (rows a delivery holds are skipped, never waited for); it starts a {@link
 * SubscriptionRunner} for each subscription it newly holds. A node that dies stops renewing, so its
 * leases expire and other nodes claim them within a lease plus a scan interval. Leases, not this
 * class, make delivery exclusive: every checkpoint advance checks the lease.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubscriptionDriver {

  private static final Logger LOG = Logger.getLogger(SubscriptionDriver.class.getName());

  private static final int TENANT_PAGE = 500;

  @EJB Tenants tenants;

  @EJB DeliveryBean delivery;

  @EJB Policies policies;

  @EJB RedeliveryRegistry redeliveries;

  @EJB LetterRetries letterRetries;

  @EJB SubscriptionRedelivery redelivery;

  @Inject Wakeups wakeups;

  @Inject WebhookClient webhooks;

  @Inject HostBreakers hostBreakers;

  @Inject NodeIdentity node;

  @Inject SubscriptionsConfig config;

  @Resource ManagedScheduledExecutorService executor;

  private final Map<String, SubscriptionRunner> runners = new ConcurrentHashMap<>();
  private ScheduledFuture<?> scans;

  @PostConstruct
  void start() {
    redeliveries.register(SubscriptionLetters.KIND, redelivery::redeliver);
    long interval = config.scanIntervalMs();
    scans = executor.scheduleWithFixedDelay(this::scan, interval, interval, TimeUnit.MILLISECONDS);
    LOG.log(Level.INFO, "Subscriptions are driven from node {0}", node.id());
  }

  @PreDestroy
  void stop() {
    if (scans != null) {
      scans.cancel(false);
    }
    runners.values().forEach(SubscriptionRunner::close);
    // A clean stop hands the leases back, so other nodes take over at their next scan rather
    // than after the lease; a crash leaves them to expire.
    runners.values().stream()
        .map(SubscriptionRunner::tenant)
        .distinct()
        .forEach(
            tenant -> {
              try {
                delivery.release(tenant, node.id());
              } catch (RuntimeException | java.sql.SQLException e) {
                LOG.log(
                    Level.FINE,
                    "Could not hand back the leases of {0}: {1}",
                    new Object[] {tenant, Failures.describe(e)});
              }
            });
    runners.clear();
  }

  /** Claims what is free now rather than at the next scan (after a create or resume here). */
  public void scanSoon(TenantId tenant) {
    executor.execute(() -> scanTenant(tenant));
  }

  /** Wakes this node's runner of the subscription, if it has one. */
  public void wake(TenantId tenant, String name) {
    SubscriptionRunner r = runners.get(key(tenant, name));
    if (r != null) {
      r.wake();
    }
  }

  /** The subscriptions this node drives now, as {@code tenant/name}. */
  public List<String> driven() {
    return runners.keySet().stream().sorted().toList();
  }

  private void scan() {
    try {
      Optional<TenantId> after = Optional.empty();
      do {
        TenantPage page = tenants.list(after, TENANT_PAGE);
        for (Tenant t : page.tenants()) {
          if (t.deleted() || t.purged()) {
            stopRunnersOf(t.id()); // deleted elsewhere (or here): nothing of it is delivered
          } else if (t.state() != TenantState.CREATING) {
            scanTenant(t.id());
          }
        }
        after = page.next();
      } while (after.isPresent());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Subscription scan failed: {0}", Failures.describe(e));
    }
  }

  /** Closes this node's runners of a tenant that is gone (they would fail, and log, forever). */
  private void stopRunnersOf(TenantId tenant) {
    String prefix = key(tenant, "");
    synchronized (runners) {
      runners
          .entrySet()
          .removeIf(
              e -> {
                if (!e.getKey().startsWith(prefix)) {
                  return false;
                }
                e.getValue().close();
                return true;
              });
    }
  }

  private void scanTenant(TenantId tenant) {
    List<String> held;
    try {
      held = delivery.claim(tenant, node.id());
    } catch (RuntimeException | java.sql.SQLException e) {
      LOG.log(
          Level.FINE,
          "Could not claim subscriptions of {0}: {1}",
          new Object[] {tenant, Failures.describe(e)});
      return;
    }
    for (String name : held) {
      String key = key(tenant, name);
      synchronized (runners) {
        SubscriptionRunner existing = runners.get(key);
        if (existing != null && !existing.closed()) {
          continue;
        }
        SubscriptionRunner runner =
            new SubscriptionRunner(
                tenant,
                name,
                node.id(),
                delivery,
                webhooks,
                executor,
                config.retryBackoffMs(),
                name.startsWith(SubscriptionsBean.PROJECTION_PREFIX)
                    ? config.projectionWakeDelayMs()
                    : 0,
                failureHandling(tenant, name),
                letterRetries,
                hostBreakers,
                stopped -> runners.remove(key, stopped));
        runners.put(key, runner);
        runner.start(wakeups);
      }
    }
  }

  /**
   * The subscription's policy and breaker; its breaker's changes are recorded for the view, and the
   * state last recorded (before a restart, or by the node that drove it before) is taken over.
   */
  private FailureHandling failureHandling(TenantId tenant, String name) {
    PoisonRule poison = policies.poisonRule();
    FailureHandling handling =
        new FailureHandling(
            () -> {
              try {
                return policies.policy(tenant, SubscriptionLetters.KIND, name);
              } catch (RuntimeException e) {
                return policies.defaults();
              }
            },
            status -> {
              try {
                policies.recordBreaker(tenant, SubscriptionLetters.KIND, name, status);
              } catch (RuntimeException e) {
                LOG.log(
                    Level.FINE,
                    "Could not record the breaker of {0}/{1}: {2}",
                    new Object[] {tenant, name, Failures.describe(e)});
              }
            },
            poison.sameErrorAttempts(),
            poison.fastMs(),
            System::currentTimeMillis,
            () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    try {
      handling.restore(policies.breaker(tenant, SubscriptionLetters.KIND, name));
    } catch (RuntimeException e) {
      LOG.log(
          Level.FINE,
          "Could not read the breaker of {0}/{1}: {2}",
          new Object[] {tenant, name, Failures.describe(e)});
    }
    return handling;
  }

  private static String key(TenantId tenant, String name) {
    return tenant.value() + "/" + name;
  }
}
