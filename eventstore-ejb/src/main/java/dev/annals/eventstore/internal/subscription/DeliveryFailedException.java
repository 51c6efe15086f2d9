package dev.annals.eventstore.internal.subscription;

import jakarta.ejb.ApplicationException;

/**
 * A batch could not be delivered: the delivery transaction rolls back (the handler's writes and the
 * checkpoint together) and the runner records the failure and retries. {@link #permanent()}
 * failures (no such handler, a checkpoint that is no event) stop the subscription instead: a retry
 * cannot cure them. A webhook's non-2xx answer is one too (never permanent).
 */
@ApplicationException(rollback = true)
public class DeliveryFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean permanent;

  DeliveryFailedException(String message, boolean permanent, Throwable cause) {
    super(message, cause);
    this.permanent = permanent;
  }

  /** Whether retrying cannot succeed. */
  public boolean permanent() {
    return permanent;
  }
}
