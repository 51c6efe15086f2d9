package dev.annals.eventstore.internal.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Subscription tunables (MicroProfile Config). */
@ApplicationScoped
public class SubscriptionsConfig {

  @Inject
  @ConfigProperty(name = "annals.subscriptions.lease-ms", defaultValue = "10000")
  long leaseMs;

  @Inject
  @ConfigProperty(name = "annals.subscriptions.scan-interval-ms", defaultValue = "2000")
  long scanIntervalMs;

  @Inject
  @ConfigProperty(name = "annals.subscriptions.batch-size", defaultValue = "100")
  int batchSize;

  @Inject
  @ConfigProperty(name = "annals.subscriptions.retry-backoff-ms", defaultValue = "1000")
  long retryBackoffMs;

  @Inject
  @ConfigProperty(name = "annals.projections.wake-delay-ms", defaultValue = "50")
  long projectionWakeDelayMs;

  @Inject
  @ConfigProperty(name = "annals.subscriptions.read-ahead", defaultValue = "true")
  boolean readAhead;

  @Inject
  @ConfigProperty(name = "http.port", defaultValue = "9080")
  int httpPort;

  /** How long a lease lasts unless renewed; a dead node's subscriptions move after this. */
  public long leaseMs() {
    return leaseMs;
  }

  /** How often each node claims free leases and renews its own (well under the lease). */
  public long scanIntervalMs() {
    return Math.max(100, Math.min(scanIntervalMs, leaseMs / 3));
  }

  /** Most events read per delivery ($all page size), 1-1000. */
  public int batchSize() {
    return Math.max(1, Math.min(batchSize, 1000));
  }

  /**
   * Whether a handler subscription that delivered a full batch reads the next page while that batch
   * commits ({@link ReadAhead}).
   */
  public boolean readAhead() {
    return readAhead;
  }

  /** Pause before a failed batch is delivered again. */
  public long retryBackoffMs() {
    return Math.max(10, retryBackoffMs);
  }

  /**
   * How long a projection's runner waits after a wake-up before it reads, 0-1000 ms: the appends
   * committed meanwhile join one delivery transaction instead of each paying for its own (the
   * statistics projection took a fifth of the server's CPU under single-event appends, one
   * transaction per group commit). Projections answer reads of counts, so they may lag this much;
   * subscriptions and live feeds are never delayed.
   */
  public long projectionWakeDelayMs() {
    return Math.max(0, Math.min(projectionWakeDelayMs, 1000));
  }

  /** Ports this server answers HTTP on, which webhooks may not target locally. */
  public Set<Integer> ownPorts() {
    return Set.of(httpPort);
  }
}
