package dev.annals.eventstore.internal.subscription;

import dev.annals.eventstore.api.AllScan;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRow;
import dev.annals.tenancy.api.Placement;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The next page of a handler subscription, read outside any transaction (on the non-transactional
 * reads pool) while the batch before it is applied and committed, so a catching-up subscription
 * does not wait for its read inside each delivery transaction. The next delivery takes the page
 * only when the subscription, as it reads it in its own transaction, would read this very page
 * first: same subscription (its creation time, filter), same checkpoint, same page size, same place
 * of the tenant's data. A page read earlier in a snapshot of its own is then exactly as valid as
 * one read in the transaction: it holds only events below that snapshot's horizon, all of which had
 * committed when it was taken, and every event a later read could add sorts after them (its
 * transaction was still open at that horizon, or began later), so the page is a prefix of what the
 * delivery would read, and nothing before the page's end is passed over. Anything else (a reset, a
 * redrive, a delete and create again, a move) reads again in the transaction, and the checkpoint's
 * compare-and-set guards the rest as for any batch.
 */
public final class ReadAhead {

  private static final Logger LOG = Logger.getLogger(ReadAhead.class.getName());

  private final SubscriptionRow readFor;
  private final Checkpoint after;
  private final int limit;
  private final Placement placement;
  private final Future<Optional<AllScan>> page;

  /**
   * @param readFor the subscription as the batch before read it (its filter)
   * @param after where the page starts: the checkpoint the batch before moves to
   * @param limit the page size
   * @param placement where the tenant's data was when the page was asked for
   * @param page the read under way: the scan, or empty when {@code after} is no event of the tenant
   */
  ReadAhead(
      SubscriptionRow readFor,
      Checkpoint after,
      int limit,
      Placement placement,
      Future<Optional<AllScan>> page) {
    this.readFor = readFor;
    this.after = after;
    this.limit = limit;
    this.placement = placement;
    this.page = page;
  }

  /** Whether the page is the one a delivery of {@code row} would read first. */
  boolean fits(SubscriptionRow row, int limit, Placement placement) {
    return row.checkpoint().equals(after)
        && limit == this.limit
        && placement.equals(this.placement)
        && row.name().equals(readFor.name())
        && row.createdAt().equals(readFor.createdAt())
        && row.streamPrefix().equals(readFor.streamPrefix())
        && row.eventTypes().equals(readFor.eventTypes());
  }

  /**
   * The page, once read; empty when it could not be (the read failed or was cancelled, or the
   * checkpoint was no event of the tenant): the delivery reads it itself.
   */
  Optional<AllScan> take() {
    try {
      return page.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | CancellationException e) {
      LOG.log(
          Level.FINE,
          "Reading ahead of subscription {0} failed, the delivery reads itself: {1}",
          new Object[] {
            readFor.name(), Failures.describe(e.getCause() == null ? e : e.getCause())
          });
      return Optional.empty();
    }
  }

  /** Gives the page up (unread pages are not waited for). */
  void cancel() {
    page.cancel(false);
  }
}
