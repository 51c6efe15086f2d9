package dev.annals.eventstore.api.subscription;

/**
 * An in-process subscription target: a CDI bean of the application (any scope; found by {@link
 * #name()} among the beans of this type). The handler runs inside the JTA transaction that advances
 * the subscription's checkpoint: what it writes to the tenant's place through {@link
 * dev.annals.tenancy.api.TenantConnections#connection} (or any other enlisted resource) commits
 * together with the checkpoint, or not at all. A projection is such a handler that writes its own
 * read-model tables: its effects are exactly-once without deduplication.
 *
 * <p>A handler that throws rolls back its writes and the checkpoint together; the batch is
 * delivered again after a pause. Keep batches short: while the transaction is open, every $all
 * reader of the database waits behind it.
 */
public interface SubscriptionHandler {

  /**
   * @return the name subscriptions use to target this handler; unique among handlers, matching
   *     {@code ^[a-z][a-z0-9_.-]{0,99}$}
   */
  String name();

  /**
   * Handles one batch, inside the delivery transaction.
   *
   * @param batch events in $all order
   * @throws RuntimeException to refuse the batch: everything rolls back, and it comes again
   */
  void handle(SubscriptionBatch batch);

  /**
   * @return the most events this handler takes per batch (at most 5,000), or 0 for the configured
   *     subscription batch size; a projection that applies a batch in one statement catches up
   *     faster with larger batches
   */
  default int batchSize() {
    return 0;
  }

  /**
   * @return the most events this handler takes per batch while its subscription catches up (the
   *     batch before, in the same pass, was full), at most 5,000; 0 (or less than {@link
   *     #batchSize()}): as {@link #batchSize()}. Larger batches spread each delivery transaction's
   *     fixed cost over more events; the first batch after a wake-up, which live delivery mostly
   *     consists of, stays at {@link #batchSize()}
   */
  default int catchUpBatchSize() {
    return 0;
  }
}
