package dev.annals.eventstore.internal.projection;

import dev.annals.eventstore.internal.subscription.SubscriptionDriver;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every tenant its projections: at start-up and every scan interval, each live tenant this
 * node has not yet seen set up gets the projection rows and first-generation subscriptions it lacks
 * (tenants created since, and tenants that existed before projections did). The subscription driver
 * then runs them like any subscription. Reads set a tenant up too, so a new tenant's projections do
 * not wait for the next scan.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProjectionKeeper {

  private static final Logger LOG = Logger.getLogger(ProjectionKeeper.class.getName());

  private static final int TENANT_PAGE = 500;

  @EJB Tenants tenants;

  @EJB ProjectionSetup setup;

  @EJB SubscriptionDriver driver;

  @Inject ProjectionsConfig config;

  @Resource ManagedScheduledExecutorService executor;

  private final Set<TenantId> ready = ConcurrentHashMap.newKeySet();
  private ScheduledFuture<?> scans;

  @PostConstruct
  void start() {
    long interval = config.scanIntervalMs();
    scans = executor.scheduleWithFixedDelay(this::scan, 0, interval, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (scans != null) {
      scans.cancel(false);
    }
  }

  private void scan() {
    try {
      Optional<TenantId> after = Optional.empty();
      do {
        TenantPage page = tenants.list(after, TENANT_PAGE);
        for (Tenant t : page.tenants()) {
          if (t.state() != TenantState.CREATING
              && t.state() != TenantState.MOVING
              && !t.deleted()
              && !t.purged()
              && !ready.contains(t.id())) {
            setUp(t.id());
          }
        }
        after = page.next();
      } while (after.isPresent());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Projection scan failed: {0}", e.toString());
    }
  }

  private void setUp(TenantId tenant) {
    try {
      if (setup.ensure(tenant)) {
        driver.scanSoon(tenant);
      }
      ready.add(tenant);
    } catch (RuntimeException | java.sql.SQLException e) {
      LOG.log(
          Level.FINE,
          "Could not set up the projections of {0}: {1}",
          new Object[] {tenant, e.toString()});
    }
  }
}
