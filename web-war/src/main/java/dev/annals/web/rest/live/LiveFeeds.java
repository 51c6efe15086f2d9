package dev.annals.web.rest.live;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.EventStore;
import dev.annals.eventstore.api.ReadForm;
import dev.annals.eventstore.api.Wakeups;
import dev.annals.tenancy.api.TenantId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The open live feeds of this node and what they share: the event store, wake-ups, one managed
 * scheduled executor (reads, sends and heartbeats run there; no thread waits for an idle client)
 * and the tunables {@code annals.live.heartbeat-ms} (default 15000), {@code
 * annals.live.max-unsent-bytes} (default 1 MiB: what one client may have sent but not yet taken)
 * and {@code annals.live.page-size} (default 100). Metrics: gauge {@code annals.live.clients},
 * counter {@code annals.live.too_slow} (clients disconnected for not keeping up).
 */
@ApplicationScoped
public class LiveFeeds {

  @EJB EventStore store;

  @Inject Wakeups wakeups;

  @Inject MetricRegistry metrics;

  @Resource ManagedScheduledExecutorService executor;

  @Inject
  @ConfigProperty(name = "annals.live.heartbeat-ms", defaultValue = "15000")
  long heartbeatMs;

  @Inject
  @ConfigProperty(name = "annals.live.max-unsent-bytes", defaultValue = "1048576")
  long maxUnsentBytes;

  @Inject
  @ConfigProperty(name = "annals.live.page-size", defaultValue = "100")
  int pageSize;

  private final Set<LiveFeed> open = ConcurrentHashMap.newKeySet();
  private Counter tooSlow;

  @PostConstruct
  void start() {
    tooSlow = metrics.counter("annals.live.too_slow");
    metrics.gauge("annals.live.clients", open::size);
  }

  @PreDestroy
  void stop() {
    List.copyOf(open).forEach(LiveFeed::close);
  }

  /**
   * Starts pushing the tenant's events after {@code after} to {@code sink} in {@code form}:
   * catch-up first, then live. Returns at once; the feed runs on the executor until the client goes
   * or falls behind, or {@code until} (when the caller's token is no longer accepted) passes.
   */
  void open(
      TenantId tenant,
      Checkpoint after,
      LiveFilter filter,
      ReadForm form,
      Optional<Instant> until,
      SseEventSink sink,
      Sse sse) {
    LiveFeed feed = new LiveFeed(this, tenant, after, filter, form, until, sink, sse);
    open.add(feed);
    feed.start();
  }

  void closed(LiveFeed feed) {
    open.remove(feed);
  }

  void countTooSlow() {
    tooSlow.inc();
  }
}
