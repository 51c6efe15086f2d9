package dev.annals.eventstore.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Group commit's tunables (MicroProfile Config). */
@ApplicationScoped
public class GroupCommitConfig {

  @Inject
  @ConfigProperty(name = "annals.eventstore.group-commit.workers", defaultValue = "2")
  int workers;

  @Inject
  @ConfigProperty(name = "annals.eventstore.group-commit.max-batch", defaultValue = "50")
  int maxBatch;

  @Inject
  @ConfigProperty(name = "annals.eventstore.group-commit.lock-timeout-ms", defaultValue = "1000")
  long lockTimeoutMs;

  @Inject
  @ConfigProperty(
      name = "annals.eventstore.group-commit.alone-lock-timeout-ms",
      defaultValue = "30000")
  long aloneLockTimeoutMs;

  /** Concurrent batches: one commits while the next one fills. */
  public int workers() {
    return Math.max(1, workers);
  }

  /**
   * Most appends per transaction; at most 60, since each takes a subtransaction id and more than 64
   * in one transaction overflow every concurrent snapshot's subxid cache.
   */
  public int maxBatch() {
    return Math.max(1, Math.min(60, maxBatch));
  }

  /**
   * How long an append in a batch may wait for a lock held outside its batch (a stream row or a
   * quota lock of a caller's open transaction) before it leaves the batch, so that one tenant's
   * held lock never holds up other tenants' appends for longer.
   */
  public long lockTimeoutMs() {
    return Math.max(1, lockTimeoutMs);
  }

  /** How long an append that left its batch waits alone for such a lock before a 503. */
  public long aloneLockTimeoutMs() {
    return Math.max(lockTimeoutMs(), aloneLockTimeoutMs);
  }
}
