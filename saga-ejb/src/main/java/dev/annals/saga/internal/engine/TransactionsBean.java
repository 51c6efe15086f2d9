package dev.annals.saga.internal.engine;

import dev.annals.saga.internal.execution.Transactions;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * The saga runner's transactions: each piece of work in a {@code REQUIRES_NEW} transaction of its
 * own, committed when it returns and rolled back when it throws. What the work throws reaches the
 * runner as it was thrown (not wrapped in an {@code EJBException}), since the runner tells a saga
 * that moved on from a failure by its type.
 */
@Stateless
@LocalBean
public class TransactionsBean {

  /** Runs {@code work} in a new transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public <T> T inNew(Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      throw new WorkFailedException(e);
    }
  }

  /**
   * The runner's view of the bean: {@code bean} must be the container's reference (injected), not
   * the instance, or the work would run without a transaction of its own.
   */
  public static Transactions over(TransactionsBean bean) {
    return new Transactions() {
      @Override
      public <T> T inNew(Supplier<T> work) {
        try {
          return bean.inNew(work);
        } catch (WorkFailedException e) {
          throw e.failure;
        }
      }
    };
  }

  /** Carries the work's exception out of the transaction it rolls back. */
  @ApplicationException(rollback = true)
  public static class WorkFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RuntimeException failure;

    WorkFailedException(RuntimeException failure) {
      super(failure.getMessage(), failure, false, false);
      this.failure = failure;
    }
  }
}
