package dev.annals.dlq.api;

import dev.annals.tenancy.api.ResourceNotFoundException;

/** The tenant has no dead letter with this id. */
public class DeadLetterNotFoundException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * @param id the id that was asked for
   */
  public DeadLetterNotFoundException(long id) {
    super("Dead letter " + id + " does not exist");
  }
}
