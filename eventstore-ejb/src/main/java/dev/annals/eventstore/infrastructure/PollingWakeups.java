package dev.annals.eventstore.infrastructure;

import dev.annals.eventstore.api.Wakeups;
import dev.annals.tenancy.api.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wake-ups by polling alone: every listener is called once per poll interval, whether or not its
 * tenant changed. This keeps the {@link Wakeups} contract without any fast path (the lower bound
 * every implementation falls back to when Redis is down); consumers pay one read per interval.
 */
@ApplicationScoped
public class PollingWakeups implements Wakeups {

  private static final Logger LOG = Logger.getLogger(PollingWakeups.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "annals.wakeups.poll-interval-ms", defaultValue = "500")
  long pollIntervalMs;

  private final ConcurrentHashMap<Registration, Runnable> listeners = new ConcurrentHashMap<>();
  private ScheduledFuture<?> ticks;

  @PostConstruct
  void start() {
    long interval = Math.max(10, pollIntervalMs);
    ticks =
        scheduler.scheduleWithFixedDelay(this::wakeAll, interval, interval, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (ticks != null) {
      ticks.cancel(false);
    }
  }

  @Override
  public Registration listen(TenantId tenant, Runnable listener) {
    Registration registration =
        new Registration() {
          @Override
          public void close() {
            listeners.remove(this);
          }
        };
    listeners.put(registration, listener);
    return registration;
  }

  private void wakeAll() {
    for (Runnable listener : listeners.values()) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A wake-up listener failed; it stays registered", e);
      }
    }
  }
}
