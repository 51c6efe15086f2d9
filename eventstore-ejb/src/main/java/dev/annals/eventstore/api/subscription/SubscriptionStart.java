package dev.annals.eventstore.api.subscription;

import dev.annals.eventstore.api.Checkpoint;

/** Where a new (or reset) subscription starts reading the tenant's $all. */
public sealed interface SubscriptionStart {

  /** Before the tenant's first event. */
  record Beginning() implements SubscriptionStart {}

  /** After every event committed now: only events committed later are delivered. */
  record Now() implements SubscriptionStart {}

  /**
   * After a given event.
   *
   * @param checkpoint an event's checkpoint (as $all returns them)
   */
  record After(Checkpoint checkpoint) implements SubscriptionStart {}
}
