package dev.annals.eventstore.infrastructure.wakeup;

import dev.annals.eventstore.api.Wakeups;
import dev.annals.eventstore.infrastructure.RedisConnection;
import dev.annals.eventstore.infrastructure.RedisStatus;
import dev.annals.tenancy.api.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@link Wakeups} over Redis pub/sub, with polling as the floor. One managed thread per node keeps
 * a PSUBSCRIBE on every tenant's wake-up channel and calls that tenant's listeners here for each
 * message ({@link WakeupPublisher} sends them after commit, on any node). While the subscription is
 * not live (Redis down or hung, reconnecting) every listener is called each poll interval ({@code
 * annals.wakeups.poll-interval-ms}); when it becomes live again every listener is called once, for
 * what was missed meanwhile. Pub/sub is at-most-once and a publisher may lose Redis while this node
 * still has it, so even a live subscription wakes everyone every {@code
 * annals.wakeups.safety-interval-ms}: that bounds the delay of a lost message.
 *
 * <p>A hung Redis is noticed by pinging on the subscribed connection every tick: a read waits at
 * most {@value #READ_TIMEOUT_MILLIS} ms. Metrics: {@code annals.wakeups.received} (messages for a
 * tenant with listeners here), gauge {@code annals.wakeups.polling} (1 while polling).
 */
@ApplicationScoped
public class RedisWakeups implements Wakeups {

  private static final Logger LOG = Logger.getLogger(RedisWakeups.class.getName());
  static final int READ_TIMEOUT_MILLIS = 3_000;
  private static final long RECONNECT_MILLIS = 1_000;

  @Inject RedisConnection redis;

  @Inject RedisStatus status;

  @Inject MetricRegistry metrics;

  @Resource ManagedThreadFactory threads;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "annals.wakeups.poll-interval-ms", defaultValue = "500")
  long pollIntervalMs;

  @Inject
  @ConfigProperty(name = "annals.wakeups.safety-interval-ms", defaultValue = "10000")
  long safetyIntervalMs;

  private final ConcurrentHashMap<TenantId, Set<Listening>> listeners = new ConcurrentHashMap<>();
  private volatile boolean running;
  private volatile Subscriber subscriber;
  private volatile long lastWakeAll = System.nanoTime();
  private Thread thread;
  private ScheduledFuture<?> ticks;
  private Counter received;

  @PostConstruct
  void start() {
    received = metrics.counter("annals.wakeups.received");
    metrics.gauge("annals.wakeups.polling", () -> polling() ? 1 : 0);
    running = true;
    thread = threads.newThread(this::subscribeLoop);
    thread.setName("annals-wakeups");
    thread.start();
    long tick = Math.max(10, Math.min(pollIntervalMs, 1_000));
    ticks = scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    running = false;
    ticks.cancel(false);
    Subscriber s = subscriber;
    if (s != null) {
      try {
        s.punsubscribe();
      } catch (JedisException | IllegalStateException e) {
        LOG.log(Level.FINE, "Unsubscribing wake-ups on stop failed", e);
      }
    }
    thread.interrupt();
  }

  @Override
  public Registration listen(TenantId tenant, Runnable listener) {
    Listening registration = new Listening(tenant, listener);
    listeners.computeIfAbsent(tenant, t -> ConcurrentHashMap.newKeySet()).add(registration);
    return registration;
  }

  /** Whether listeners are woken by polling now: the subscription is not live. */
  boolean polling() {
    Subscriber s = subscriber;
    return s == null || !s.live || !status.last().up();
  }

  /** Keeps the subscription checked and wakes everyone when polling (or for safety) is due. */
  private void tick() {
    Subscriber s = subscriber;
    if (s != null && s.live) {
      try {
        s.ping();
      } catch (JedisException | IllegalStateException e) {
        LOG.log(Level.FINE, "A wake-up subscription ping failed", e);
      }
    }
    long due = polling() ? pollIntervalMs : safetyIntervalMs;
    if (System.nanoTime() - lastWakeAll >= TimeUnit.MILLISECONDS.toNanos(due)) {
      wakeAll();
    }
  }

  /** Subscribes, and subscribes again after every failure, until the server stops. */
  private void subscribeLoop() {
    while (running) {
      Subscriber s = new Subscriber();
      try (Jedis jedis = redis.dedicated(READ_TIMEOUT_MILLIS)) {
        subscriber = s;
        jedis.psubscribe(s, WakeupChannels.PATTERN);
      } catch (JedisException | IllegalStateException e) {
        LOG.log(Level.FINE, "The wake-up subscription ended; polling until it is back", e);
      } finally {
        s.live = false;
      }
      try {
        Thread.sleep(RECONNECT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void wakeAll() {
    lastWakeAll = System.nanoTime();
    listeners.values().forEach(set -> set.forEach(Listening::wake));
  }

  private void wake(TenantId tenant) {
    Set<Listening> set = listeners.get(tenant);
    if (set != null && !set.isEmpty()) {
      received.inc();
      set.forEach(Listening::wake);
    }
  }

  /** The subscription's callbacks, on the subscriber thread. */
  private final class Subscriber extends JedisPubSub {
    volatile boolean live;

    @Override
    public void onPSubscribe(String pattern, int count) {
      live = true;
      wakeAll(); // whatever committed while nothing was subscribed
    }

    @Override
    public void onPMessage(String pattern, String channel, String message) {
      WakeupChannels.tenant(channel).ifPresent(RedisWakeups.this::wake);
    }
  }

  /** One listener's registration. */
  private final class Listening implements Registration {
    private final TenantId tenant;
    private final Runnable listener;

    Listening(TenantId tenant, Runnable listener) {
      this.tenant = tenant;
      this.listener = listener;
    }

    void wake() {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A wake-up listener failed; it stays registered", e);
      }
    }

    @Override
    public void close() {
      listeners.computeIfPresent(
          tenant,
          (t, set) -> {
            set.remove(this);
            return set.isEmpty() ? null : set;
          });
    }
  }
}
