package dev.annals.saga.api;

import dev.annals.tenancy.api.ResourceNotFoundException;

/** The tenant has no saga of this id. */
public class SagaNotFoundException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * @param id the id that was asked for
   */
  public SagaNotFoundException(SagaId id) {
    super("Saga '" + id + "' does not exist");
  }
}
