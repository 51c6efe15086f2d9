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
 * @param parked matched events of streams with a dead letter ahead for this subscription: sent to
 *     the dead-letter queue as parked (in the transaction that advances the checkpoint), never
 *     delivered
 * @param heldBack whether committed events wait behind an open transaction after the page (read
 *     again soon, without waiting for a wake-up)
 */
record Delivery(
    SubscriptionRow row,
    List<RecordedEvent> matched,
    Checkpoint next,
    boolean full,
    List<RecordedEvent> parked,
    boolean heldBack) {

  /** What a delivery attempt came to. */
  enum Outcome {
    /** Delivered a full page: deliver again at once. */
    MORE,
    /** Delivered what there was, or nothing: wait for a wake-up. */
    CAUGHT_UP,
    /** The webhook host's breaker is open: nothing was tried, wait. */
    PAUSED,
    /**
     * Delivered what there was, but committed events wait behind an older open transaction, which
     * may end without a wake-up: deliver again soon.
     */
    HELD_BACK,
    /** This node no longer drives it (lease lost, paused, deleted, reset meanwhile). */
    LOST
  }

  /** Whether the page read was empty. */
  boolean empty() {
    return next.equals(row.checkpoint());
  }

  /** The outcome after this batch is acknowledged. */
  Outcome acknowledged() {
    return full ? Outcome.MORE : heldBack ? Outcome.HELD_BACK : Outcome.CAUGHT_UP;
  }
}
