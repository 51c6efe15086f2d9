package dev.annals.dlq.internal;

import dev.annals.dlq.api.BreakerState;
import dev.annals.tenancy.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The failure system's meters, tagged by tenant and consumer: letters open (as last counted when
 * one was recorded, redriven or discarded on this node), redrives and discards, and each consumer's
 * breaker state (0 closed, 1 half-open, 2 open) as its driving node last saw it. One series per
 * consumer that ever failed: with very many tenants, scrape with a relabelling that drops the tag.
 */
@ApplicationScoped
public class DeadLetterMetrics {

  @Inject MetricRegistry metrics;

  private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> breakers = new ConcurrentHashMap<>();

  /** A letter was recorded. */
  void recorded(TenantId tenant, String kind, String consumer) {
    metrics.counter("annals.deadletters.recorded", tags(tenant, kind, consumer)).inc();
  }

  /** The consumer's open letters were counted. */
  void open(TenantId tenant, String kind, String consumer, long count) {
    gauge(open, "annals.deadletters.open", tenant, kind, consumer).set(count);
  }

  /** A letter was redriven (or failed again: {@code succeeded} false). */
  void redriven(TenantId tenant, String kind, String consumer, boolean succeeded) {
    metrics
        .counter(
            succeeded ? "annals.deadletters.redrives" : "annals.deadletters.redrive.failures",
            tags(tenant, kind, consumer))
        .inc();
  }

  /** A letter was discarded. */
  void discarded(TenantId tenant, String kind, String consumer) {
    metrics.counter("annals.deadletters.discards", tags(tenant, kind, consumer)).inc();
  }

  /** A breaker changed state. */
  void breaker(TenantId tenant, String kind, String consumer, BreakerState state) {
    long value =
        switch (state) {
          case CLOSED -> 0;
          case HALF_OPEN -> 1;
          case OPEN -> 2;
        };
    gauge(breakers, "annals.breaker.state", tenant, kind, consumer).set(value);
  }

  private AtomicLong gauge(
      Map<String, AtomicLong> values, String name, TenantId tenant, String kind, String consumer) {
    String key = tenant.value() + "/" + kind + "/" + consumer;
    return values.computeIfAbsent(
        key,
        k -> {
          AtomicLong v = new AtomicLong();
          metrics.gauge(name, v, AtomicLong::get, tags(tenant, kind, consumer));
          return v;
        });
  }

  private static Tag[] tags(TenantId tenant, String kind, String consumer) {
    return new Tag[] {
      new Tag("tenant", tenant.value()), new Tag("kind", kind), new Tag("consumer", consumer)
    };
  }
}
