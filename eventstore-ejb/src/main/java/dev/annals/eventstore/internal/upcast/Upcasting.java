package dev.annals.eventstore.internal.upcast;

import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.tenancy.api.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Lifts a page of events to their current schema before a read returns it. When the tenant's plan
 * is empty (no Java upcasters and no declarative ones) the page is returned as it is; otherwise
 * only the events an upcaster applies to are parsed and written again.
 *
 * <p>A read never fails because of an upcaster: an event whose chain throws is returned as stored,
 * with {@code upcastError}, counted in {@code annals_upcast_failures_total} and logged once per
 * tenant, event type and version (not once per read: a broken upcaster meets every read).
 */
@ApplicationScoped
public class Upcasting {

  private static final Logger LOG = Logger.getLogger(Upcasting.class.getName());

  /** Most (tenant, type, version) failures remembered for logging once; beyond, only counted. */
  private static final int MAX_LOGGED = 10_000;

  @Inject UpcastPlans plans;

  @Inject MetricRegistry metrics;

  private Counter failures;

  private final Set<String> logged = ConcurrentHashMap.newKeySet();

  @PostConstruct
  void init() {
    failures = metrics.counter("annals.upcast.failures");
  }

  /**
   * The page with every event an upcaster applies to lifted; the same list when none applies.
   *
   * @param tenant whose upcasters apply
   * @param events a page, as stored
   */
  public List<RecordedEvent> current(TenantId tenant, List<RecordedEvent> events) {
    if (events.isEmpty()) {
      return events;
    }
    UpcastPlan plan = plans.of(tenant);
    if (plan.isEmpty()) {
      return events;
    }
    List<RecordedEvent> out = null;
    for (int i = 0; i < events.size(); i++) {
      RecordedEvent e = events.get(i);
      if (plan.applies(e)) {
        if (out == null) {
          out = new ArrayList<>(events);
        }
        out.set(i, lift(tenant, plan, e));
      }
    }
    return out == null ? events : List.copyOf(out);
  }

  /**
   * The stored event types a read must fetch so that, once lifted, every event of the {@code
   * wanted} types is among them: the wanted ones and every type an upcaster lifts (an upcaster may
   * rename a type). Empty {@code wanted} (every type) stays empty. A pre-filter: the exact filter
   * still runs on the lifted events.
   */
  public Set<String> storedTypesFor(TenantId tenant, Set<String> wanted) {
    if (wanted.isEmpty()) {
      return wanted;
    }
    UpcastPlan plan = plans.of(tenant);
    if (plan.isEmpty()) {
      return wanted;
    }
    Set<String> all = new java.util.HashSet<>(wanted);
    all.addAll(plan.types());
    return all;
  }

  private RecordedEvent lift(TenantId tenant, UpcastPlan plan, RecordedEvent e) {
    try {
      return plan.lift(e);
    } catch (RuntimeException failure) {
      failures.inc();
      String error = failure.getMessage();
      String key = tenant + "/" + e.type() + "@" + e.schemaVersion();
      if (logged.size() < MAX_LOGGED && logged.add(key)) {
        LOG.log(
            Level.WARNING,
            "Event {0} of {1} ({2} at schema version {3}) is returned as stored: {4}. Later"
                + " failures of this type and version are only counted"
                + " (annals_upcast_failures_total)",
            new Object[] {e.eventId(), tenant, e.type(), e.schemaVersion(), error});
      }
      return e.failedUpcast(error);
    }
  }
}
