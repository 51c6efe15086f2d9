package dev.annals.dlq.internal;

import dev.annals.dlq.api.BreakerPolicy;
import dev.annals.dlq.api.ConsumerPolicy;
import dev.annals.dlq.api.PoisonRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The failure system's defaults (MicroProfile Config, {@code annals.failures.*}). */
@ApplicationScoped
public class FailuresConfig {

  @Inject
  @ConfigProperty(name = "annals.failures.max-attempts", defaultValue = "5")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "annals.failures.initial-backoff-ms", defaultValue = "1000")
  long initialBackoffMs;

  @Inject
  @ConfigProperty(name = "annals.failures.max-backoff-ms", defaultValue = "60000")
  long maxBackoffMs;

  @Inject
  @ConfigProperty(name = "annals.failures.breaker.failure-ratio", defaultValue = "0.5")
  double failureRatio;

  @Inject
  @ConfigProperty(name = "annals.failures.breaker.window", defaultValue = "20")
  int window;

  @Inject
  @ConfigProperty(name = "annals.failures.breaker.delay-ms", defaultValue = "30000")
  long delayMs;

  @Inject
  @ConfigProperty(name = "annals.failures.redrive.settle-ms", defaultValue = "3000")
  long settleMs;

  @Inject
  @ConfigProperty(name = "annals.failures.poison.same-error-attempts", defaultValue = "3")
  int poisonAfter;

  @Inject
  @ConfigProperty(name = "annals.failures.poison.fast-ms", defaultValue = "100")
  long poisonFastMs;

  /** When the same error, fast, is poison. */
  public PoisonRule poisonRule() {
    return new PoisonRule(poisonAfter, poisonFastMs);
  }

  /** The policy of a consumer that has none of its own. */
  public ConsumerPolicy defaults() {
    return new ConsumerPolicy(
        maxAttempts,
        initialBackoffMs,
        Math.max(initialBackoffMs, maxBackoffMs),
        new BreakerPolicy(failureRatio, window, delayMs));
  }

  /** How long a redrive waits for letters still on their way through the queue. */
  public long settleMs() {
    return Math.max(0, settleMs);
  }
}
