package dev.annals.eventstore.api.subscription;

/** A subscription's state as shown; wire names are lower case. */
public enum SubscriptionState {
  /** Running and behind the head of $all. */
  CATCHING_UP("catching_up"),
  /** Running and at the head of $all. */
  LIVE("live"),
  /** Paused by an operator; resume continues at the checkpoint. */
  PAUSED("paused"),
  /** Stopped by an error retrying cannot cure (e.g. its handler is not deployed); see lastError. */
  STOPPED("stopped");

  private final String wireName;

  SubscriptionState(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire. */
  public String wireName() {
    return wireName;
  }
}
