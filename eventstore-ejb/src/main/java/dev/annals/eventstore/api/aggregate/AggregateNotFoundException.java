package dev.annals.eventstore.api.aggregate;

import dev.annals.tenancy.api.ResourceNotFoundException;

/** The tenant has no aggregate of this kind with this id (its stream does not exist). */
public class AggregateNotFoundException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * @param category the aggregate's kind, e.g. {@code workflow}
   * @param id the id asked for
   */
  public AggregateNotFoundException(String category, String id) {
    super(capitalized(category) + " '" + id + "' does not exist");
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
