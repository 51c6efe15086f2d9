package dev.annals.eventstore.internal.subscription;

import dev.annals.eventstore.api.RecordedEvent;
import jakarta.ejb.ApplicationException;
import java.util.List;

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

  private final transient List<RecordedEvent> attempted;

  DeliveryFailedException(String message, boolean permanent, Throwable cause) {
    this(message, permanent, cause, List.of());
  }

  DeliveryFailedException(
      String message, boolean permanent, Throwable cause, List<RecordedEvent> attempted) {
    super(message, cause);
    this.permanent = permanent;
    this.attempted = List.copyOf(attempted);
  }

  /** The events whose delivery failed (empty when it failed before any was tried). */
  public List<RecordedEvent> attempted() {
    return attempted == null ? List.of() : attempted;
  }

  /** Whether retrying cannot succeed. */
  public boolean permanent() {
    return permanent;
  }
}
