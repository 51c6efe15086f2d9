package dev.annals.eventstore.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.metrics.MetricRegistry;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Whether Redis answers, probed once a second in the background, so a health request never waits on
 * a hung Redis: it reads the last observation. Redis carries only wake-ups and rate-limit counters
 * (PostgreSQL is the source of truth), so its outage degrades Annals but never makes it unready.
 * Exposed as the gauge {@code annals_redis_up} (1 or 0).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // asked on every request's path
public class RedisHealth {

  /** What the last probe saw. */
  public record Observation(boolean up, String error, Instant since) {}

  @Inject RedisConnection redis;

  @Inject RedisStatus status;

  @Inject MetricRegistry metrics;

  private final Clock clock = Clock.systemUTC();
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile Observation last;

  @PostConstruct
  void start() {
    last = new Observation(false, "not probed yet", clock.instant());
    status.set(last);
    metrics.gauge("annals.redis.up", () -> last.up() ? 1 : 0);
  }

  /** One PING at a time: while Redis hangs, a probe is skipped rather than queued. */
  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void probe() {
    if (!probing.compareAndSet(false, true)) {
      return;
    }
    try {
      boolean up;
      String error = null;
      try {
        up = "PONG".equals(redis.client().ping());
      } catch (JedisException e) {
        up = false;
        error = e.getClass().getSimpleName();
      }
      Observation before = last;
      if (before.up() != up || before.error() != null && !before.error().equals(error)) {
        last = new Observation(up, error, clock.instant());
        status.set(last);
      }
    } finally {
      probing.set(false);
    }
  }

  /** The last observation; answers at once. */
  public Observation last() {
    return last;
  }
}
