package dev.annals.eventstore.internal.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.eventstore.api.AllScan;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.infrastructure.subscription.StoredState;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRow;
import dev.annals.tenancy.api.Placement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  private static final Checkpoint AFTER = new Checkpoint(7, 1000);
  private static final Placement HERE = new Placement("jdbc/annals/runtime", "annals");
  private static final Instant CREATED = Instant.parse("2026-12-01T08:00:00Z");
  private static final AllScan PAGE = new AllScan(List.of(), new Checkpoint(7, 2000), true, false);

  private static SubscriptionRow row(
      Checkpoint checkpoint, Optional<String> prefix, List<String> types, Instant created) {
    return new SubscriptionRow(
        "projection-statistics-2",
        prefix,
        types,
        Optional.of("projections"),
        Optional.empty(),
        Optional.empty(),
        StoredState.RUNNING,
        checkpoint,
        0,
        0,
        0,
        Optional.empty(),
        Optional.of("node-a"),
        created);
  }

  private static SubscriptionRow row(Checkpoint checkpoint) {
    return row(checkpoint, Optional.empty(), List.of(), CREATED);
  }

  /** Read for a batch that moved the checkpoint from 7-1 to {@link #AFTER}. */
  private static ReadAhead ahead(CompletableFuture<Optional<AllScan>> page) {
    return new ReadAhead(row(new Checkpoint(7, 1)), AFTER, 1000, HERE, page);
  }

  @Test
  void fitsTheNextDeliveryOfTheSameSubscriptionFromItsEnd() {
    assertTrue(ahead(new CompletableFuture<>()).fits(row(AFTER), 1000, HERE));
  }

  @Test
  void aResetOrAnotherNodesBatchMeanwhile_theDeliveryReadsItself() {
    ReadAhead ahead = ahead(new CompletableFuture<>());
    assertFalse(ahead.fits(row(new Checkpoint(0, 0)), 1000, HERE), "reset to the beginning");
    assertFalse(ahead.fits(row(new Checkpoint(7, 1)), 1000, HERE), "the batch rolled back");
    assertFalse(ahead.fits(row(new Checkpoint(7, 3000)), 1000, HERE), "moved on elsewhere");
  }

  @Test
  void anotherFilterPageSizeOrPlace_theDeliveryReadsItself() {
    ReadAhead ahead = ahead(new CompletableFuture<>());
    assertFalse(ahead.fits(row(AFTER, Optional.of("order-"), List.of(), CREATED), 1000, HERE));
    assertFalse(ahead.fits(row(AFTER, Optional.empty(), List.of("Moved"), CREATED), 1000, HERE));
    assertFalse(
        ahead.fits(row(AFTER, Optional.empty(), List.of(), CREATED.plusSeconds(1)), 1000, HERE),
        "deleted and created again with the same name");
    assertFalse(ahead.fits(row(AFTER), 500, HERE));
    assertFalse(ahead.fits(row(AFTER), 1000, new Placement("jdbc/annals/runtime", "tenant_x")));
  }

  @Test
  void takesThePageOnceRead() {
    assertEquals(
        Optional.of(PAGE), ahead(CompletableFuture.completedFuture(Optional.of(PAGE))).take());
  }

  @Test
  void aFailedOrCancelledRead_nothingToTake() {
    assertEquals(
        Optional.empty(),
        ahead(CompletableFuture.failedFuture(new java.sql.SQLException("gone"))).take());
    ReadAhead cancelled = ahead(new CompletableFuture<>());
    cancelled.cancel();
    assertEquals(Optional.empty(), cancelled.take());
  }
}
