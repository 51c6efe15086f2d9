package dev.annals.eventstore.api.projection;

import dev.annals.tenancy.api.ResourceNotFoundException;

/** No projection of this name is deployed. */
public class ProjectionNotFoundException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * @param name the name that was asked for
   */
  public ProjectionNotFoundException(ProjectionName name) {
    super("Projection '" + name + "' does not exist");
  }
}
