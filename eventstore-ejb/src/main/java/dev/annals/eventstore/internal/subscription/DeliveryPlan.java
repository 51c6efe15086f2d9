package dev.annals.eventstore.internal.subscription;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.upcast.UpcastFailedException;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a page of matched events into what to deliver and what to park, plain so it can be tested
 * without a container. In {@code $all} order: an event of a blocked stream is parked; an event that
 * could not be upcast ends the batch before it, or, when nothing to deliver stands before it, fails
 * the delivery with that one event as the attempt (poison: it is dead-lettered at once, and the
 * checkpoint never passes an event of the page that was not delivered or parked); with {@code
 * narrow} the batch ends at its first event to deliver.
 */
final class DeliveryPlan {

  private DeliveryPlan() {}

  /**
   * @param next the checkpoint after the whole page
   * @param full whether the page was full
   * @param forLetter the event that could not be upcast is to be dead-lettered: take it as the
   *     first to deliver instead of failing
   * @param heldBack whether committed events wait behind an open transaction after the page
   */
  static Delivery split(
      SubscriptionRow row,
      List<RecordedEvent> matched,
      Set<String> blocked,
      Checkpoint next,
      boolean full,
      boolean narrow,
      boolean forLetter,
      boolean heldBack) {
    boolean unreadable = matched.stream().anyMatch(e -> e.upcastError().isPresent());
    if (blocked.isEmpty() && !narrow && !unreadable) {
      return new Delivery(row, matched, next, full, List.of(), heldBack);
    }
    List<RecordedEvent> deliver = new ArrayList<>();
    List<RecordedEvent> parked = new ArrayList<>();
    Checkpoint taken = null;
    for (RecordedEvent e : matched) {
      if (blocked.contains(e.streamId().value())) {
        parked.add(e);
        taken = e.position();
        continue;
      }
      if (e.upcastError().isPresent() && !forLetter) {
        if (deliver.isEmpty()) {
          UpcastFailedException cause =
              new UpcastFailedException(
                  e.eventId(), e.type(), e.schemaVersion(), e.upcastError().get());
          throw new DeliveryFailedException(cause.getMessage(), false, cause, List.of(e));
        }
        return new Delivery(row, deliver, taken, true, parked, false); // deliver up to it first
      }
      deliver.add(e);
      taken = e.position();
      if (narrow) {
        return new Delivery(row, deliver, taken, true, parked, false);
      }
    }
    return new Delivery(row, deliver, next, full, parked, heldBack);
  }
}
