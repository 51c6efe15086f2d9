package dev.annals.dlq.api;

import jakarta.ejb.ApplicationException;

/**
 * A parked letter was sent for a stream no longer blocked (a redrive released it meanwhile): the
 * caller's transaction rolls back, and the consumer delivers the event instead of parking it.
 */
@ApplicationException(rollback = true)
public class StreamReleasedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param stream the stream
   */
  public StreamReleasedException(String stream) {
    super("stream " + stream + " was released while its event was being parked");
  }
}
