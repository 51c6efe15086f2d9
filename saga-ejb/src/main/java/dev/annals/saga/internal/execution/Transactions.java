package dev.annals.saga.internal.execution;

import java.util.function.Supplier;

/**
 * Runs work in a transaction of its own, committed when the work returns and rolled back when it
 * throws: in the container a {@code REQUIRES_NEW} enterprise bean method.
 */
public interface Transactions {

  /** Runs work as it comes, with no transaction: for the test fixture and unit tests only. */
  Transactions DIRECT =
      new Transactions() {
        @Override
        public <T> T inNew(Supplier<T> work) {
          return work.get();
        }
      };

  /** Runs {@code work} in a new transaction and returns its result. */
  <T> T inNew(Supplier<T> work);
}
