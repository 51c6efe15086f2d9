package dev.annals.eventstore.internal.subscription;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRow;
import java.util.List;

/**
 * One batch read for a subscription: what to deliver and where the checkpoint goes after it.
 *
 * @param row the subscription as read
 * @param matched the events that pass its filter, in $all order
 * @param next the checkpoint after the page read (past events the filter dropped too)
 * @param full whether the page was full (more may follow at once)
 */
record Delivery(SubscriptionRow row, List<RecordedEvent> matched, Checkpoint next, boolean full) {

  /** What a delivery attempt came to. */
  enum Outcome {
    /** Delivered a full page: deliver again at once. */
    MORE,
    /** Delivered what there was, or nothing: wait for a wake-up. */
    CAUGHT_UP,
    /** This node no longer drives it (lease lost, paused, deleted, reset meanwhile). */
    LOST
  }

  /** Whether the page read was empty. */
  boolean empty() {
    return next.equals(row.checkpoint());
  }

  /** The outcome after this batch is acknowledged. */
  Outcome acknowledged() {
    return full ? Outcome.MORE : Outcome.CAUGHT_UP;
  }
}
