package dev.annals.eventstore.internal.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Projection tunables (MicroProfile Config). */
@ApplicationScoped
public class ProjectionsConfig {

  @Inject
  @ConfigProperty(name = "annals.projections.batch-size", defaultValue = "1000")
  int batchSize;

  @Inject
  @ConfigProperty(name = "annals.projections.catch-up-batch-size", defaultValue = "1000")
  int catchUpBatchSize;

  @Inject
  @ConfigProperty(name = "annals.projections.scan-interval-ms", defaultValue = "10000")
  long scanIntervalMs;

  /** Events per delivery transaction of a projection, 1-5000. */
  public int batchSize() {
    return Math.max(1, Math.min(batchSize, 5000));
  }

  /**
   * Events per delivery transaction of a projection catching up (its batch before was full), from
   * the batch size to 5000.
   */
  public int catchUpBatchSize() {
    return Math.max(batchSize(), Math.min(catchUpBatchSize, 5000));
  }

  /** How often each node looks for tenants whose projections are not set up yet. */
  public long scanIntervalMs() {
    return Math.max(100, scanIntervalMs);
  }
}
