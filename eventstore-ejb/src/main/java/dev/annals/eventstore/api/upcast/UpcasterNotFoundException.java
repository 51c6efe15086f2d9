package dev.annals.eventstore.api.upcast;

import dev.annals.eventstore.api.EventType;
import dev.annals.tenancy.api.ResourceNotFoundException;

/** The tenant has no declarative upcaster for this event type and version. */
public class UpcasterNotFoundException extends ResourceNotFoundException {

  private static final long serialVersionUID = 1L;

  /**
   * @param type the event type
   * @param fromVersion the schema version
   */
  public UpcasterNotFoundException(EventType type, int fromVersion) {
    super("No upcaster for event type '" + type + "' from schema version " + fromVersion);
  }
}
