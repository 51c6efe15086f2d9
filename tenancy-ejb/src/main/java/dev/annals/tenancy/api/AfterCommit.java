package dev.annals.tenancy.api;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must wait until the caller's JTA transaction has committed (a nudge to a driver, a
 * cache dropped, a wake-up published) and must not happen at all when it rolls back: what others
 * would act on is only visible, or only true, after the commit.
 */
public final class AfterCommit {

  private AfterCommit() {}

  /**
   * Runs {@code action} on the transaction's completion thread once it has committed.
   *
   * @param transaction the registry of the caller's current transaction
   * @param action quick work; hand anything slow to an executor
   */
  public static void run(TransactionSynchronizationRegistry transaction, Runnable action) {
    transaction.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // only the outcome matters
          }

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              action.run();
            }
          }
        });
  }
}
