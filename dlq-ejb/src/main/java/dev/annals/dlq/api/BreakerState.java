package dev.annals.dlq.api;

import java.util.Locale;

/** A circuit breaker's state. */
public enum BreakerState {
  /** Deliveries flow. */
  CLOSED,
  /** Too many failures: the consumer pauses (nothing is tried, nothing skipped). */
  OPEN,
  /** The pause is over: one probe decides. */
  HALF_OPEN;

  /** The name stored and shown: lower case. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state of a stored name. */
  public static BreakerState parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
