package dev.annals.saga.api;

import dev.annals.tenancy.api.ResourceNotFoundException;

/** The tenant has no saga type of this name. */
public class SagaTypeNotFoundException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * @param type the name that was asked for
   */
  public SagaTypeNotFoundException(String type) {
    super("Saga type '" + type + "' does not exist");
  }
}
