package dev.annals.eventstore.api;

import dev.annals.tenancy.api.ConflictException;

/**
 * Some event ids of the append are stored already, but not as this same append (another stream,
 * another order, or mixed with new ids). An identical resend is not this: it is answered with the
 * original result.
 */
public class EventIdConflictException extends ConflictException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message which ids conflict and how
   */
  public EventIdConflictException(String message) {
    super(message);
  }
}
