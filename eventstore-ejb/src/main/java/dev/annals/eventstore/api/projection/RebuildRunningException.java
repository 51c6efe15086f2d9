package dev.annals.eventstore.api.projection;

import dev.annals.tenancy.api.ConflictException;

/** A rebuild of the projection is running already: one at a time. */
public class RebuildRunningException extends ConflictException {

  private static final long serialVersionUID = 1L;

  /**
   * @param name the projection
   * @param generation the generation being built
   */
  public RebuildRunningException(ProjectionName name, int generation) {
    super(
        "Projection '"
            + name
            + "' is being rebuilt already (generation "
            + generation
            + "): wait until it has replaced the live one");
  }
}
