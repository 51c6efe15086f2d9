package dev.annals.dlq.api;

import java.time.Instant;
import java.util.Optional;

/**
 * A consumer's breaker as its driving node last recorded it.
 *
 * @param state the state
 * @param since when it entered the state (absent: never left closed)
 * @param failures failures among the recent attempts when it last changed
 */
public record BreakerStatus(BreakerState state, Optional<Instant> since, int failures) {

  /** A breaker that never opened. */
  public static final BreakerStatus CLOSED =
      new BreakerStatus(BreakerState.CLOSED, Optional.empty(), 0);
}
