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
}
