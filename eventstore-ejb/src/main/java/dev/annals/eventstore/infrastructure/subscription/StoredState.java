package dev.annals.eventstore.infrastructure.subscription;

/**
 * A subscription's state as stored (column {@code subscriptions.state}); what clients see is {@link
 * dev.annals.eventstore.api.subscription.SubscriptionState}, which splits running into live and
 * catching up.
 */
public enum StoredState {
  /** Delivers. */
  RUNNING,
  /** Paused by an operator. */
  PAUSED,
  /** Stopped by an error retrying cannot cure. */
  STOPPED;

  /** The column's value. */
  public String column() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The state a column value names. */
  public static StoredState of(String column) {
    return valueOf(column.toUpperCase(java.util.Locale.ROOT));
  }
}
