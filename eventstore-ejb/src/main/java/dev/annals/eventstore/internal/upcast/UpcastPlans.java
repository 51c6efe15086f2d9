package dev.annals.eventstore.internal.upcast;

import dev.annals.eventstore.api.upcast.UpcasterDefinition;
import dev.annals.eventstore.api.upcast.Upcasters;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Each tenant's {@link UpcastPlan}, cached on this node. A read looks its tenant up in a map and
 * compares a time: no database round trip. The plan is read again from the tenant's {@code
 * upcasters} table when it is older than {@code annals.upcasters.cache-ttl-ms} (one reader reloads,
 * the others keep using the previous plan meanwhile), and dropped at once when this node commits a
 * change. So a change made on one node applies there at once and on the others within the TTL: the
 * price of not asking the database on every read (a version counter checked per read would cost a
 * round trip each; a Redis message could be lost).
 *
 * <p>A plan is loaded through {@link Upcasters#list}: in the caller's JTA transaction when there is
 * one (on the connection the caller holds already), else in a short transaction of its own on the
 * tenant's XA pool. Never on the reads pool an HTTP read holds a connection of while it lifts its
 * page: with every connection of a pool held by reads that each wait for a second one to load a
 * plan, the pool would starve (it did, when database-mode tenants read on their XA pool).
 */
@ApplicationScoped
public class UpcastPlans {

  private static final Logger LOG = Logger.getLogger(UpcastPlans.class.getName());

  @Inject JavaUpcasters java;

  @Inject UpcastConfig config;

  @EJB Upcasters upcasters;

  private final ConcurrentHashMap<TenantId, Cached> plans = new ConcurrentHashMap<>();

  private record Cached(UpcastPlan plan, long loadedAt, AtomicBoolean reloading) {}

  /** The tenant's plan. */
  UpcastPlan of(TenantId tenant) {
    Cached c = plans.get(tenant);
    if (c == null) {
      return load(tenant);
    }
    if (System.nanoTime() - c.loadedAt() > TimeUnit.MILLISECONDS.toNanos(config.cacheTtlMs())
        && c.reloading().compareAndSet(false, true)) {
      try {
        return load(tenant);
      } catch (RuntimeException e) {
        c.reloading().set(false);
        LOG.log(
            Level.WARNING,
            "Could not reload the upcasters of {0}, using the cached ones: {1}",
            new Object[] {tenant, e.toString()});
      }
    }
    return c.plan();
  }

  /** Forgets the tenant's plan (after a change committed here). */
  public void invalidate(TenantId tenant) {
    plans.remove(tenant);
  }

  private UpcastPlan load(TenantId tenant) {
    List<UpcasterDefinition> defs = upcasters.list(tenant);
    List<DeclarativeUpcaster> declarative = new ArrayList<>(defs.size());
    for (UpcasterDefinition d : defs) {
      try {
        declarative.add(DeclarativeUpcaster.of(d.eventType(), d.fromVersion(), d.operations()));
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Skipping the stored upcaster {0}@{1} of {2}: {3}",
            new Object[] {d.eventType(), d.fromVersion(), tenant, e.getMessage()});
      }
    }
    UpcastPlan plan = UpcastPlan.of(java.all(), declarative);
    plans.put(tenant, new Cached(plan, System.nanoTime(), new AtomicBoolean()));
    return plan;
  }
}
