package dev.annals.saga.internal.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Saga engine tunables (MicroProfile Config, {@code annals.sagas.*}). */
@ApplicationScoped
public class SagasConfig {

  @Inject
  @ConfigProperty(name = "annals.sagas.lease-ms", defaultValue = "10000")
  long leaseMs;

  @Inject
  @ConfigProperty(name = "annals.sagas.scan-interval-ms", defaultValue = "1000")
  long scanIntervalMs;

  @Inject
  @ConfigProperty(name = "annals.sagas.batch-size", defaultValue = "50")
  int batchSize;

  @Inject
  @ConfigProperty(name = "annals.sagas.call-timeout-ms", defaultValue = "30000")
  long callTimeoutMs;

  @Inject
  @ConfigProperty(name = "annals.sagas.connect-timeout-ms", defaultValue = "5000")
  long connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "http.port", defaultValue = "9080")
  int httpPort;

  /**
   * How long a node's claim of a saga lasts unless renewed; the node renews it every third of this
   * while the saga runs, so a dead node's sagas resume on another node this long after it stopped,
   * however long a step's call may take.
   */
  public long leaseMs() {
    return Math.max(1000, leaseMs);
  }

  /** How often each node looks for due sagas (timers, retries, sagas left by a dead node). */
  public long scanIntervalMs() {
    return Math.max(100, scanIntervalMs);
  }

  /** Most sagas one scan claims per tenant, 1-1000. */
  public int batchSize() {
    return Math.max(1, Math.min(batchSize, 1000));
  }

  /** How long one HTTP step call may take. */
  public Duration callTimeout() {
    return Duration.ofMillis(callTimeoutMs());
  }

  /** How long connecting for an HTTP step may take. */
  public Duration connectTimeout() {
    return Duration.ofMillis(Math.max(100, connectTimeoutMs));
  }

  /** Ports this server answers HTTP on, which declarative steps may not target locally. */
  public Set<Integer> ownPorts() {
    return Set.of(httpPort);
  }

  private long callTimeoutMs() {
    return Math.max(100, callTimeoutMs);
  }
}
