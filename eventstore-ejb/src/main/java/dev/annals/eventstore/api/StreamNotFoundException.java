package dev.annals.eventstore.api;

import dev.annals.tenancy.api.ResourceNotFoundException;

/** The tenant has no stream with this id. */
public class StreamNotFoundException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * @param stream the stream that was asked for
   */
  public StreamNotFoundException(StreamId stream) {
    super("Stream '" + stream + "' does not exist");
  }
}
