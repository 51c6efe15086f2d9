package dev.annals.eventstore.api;

/**
 * Who appends and why, for the metadata every event carries. Each part may be null; metadata the
 * caller put on an event wins for correlation and causation, never for the principal.
 *
 * @param correlationId the request's correlation id, or null for a new one
 * @param causationId what caused this append, or null
 * @param principal the authenticated caller; null: the EJB caller's login, if any
 */
public record AppendContext(String correlationId, String causationId, String principal) {

  /** No context: a new correlation id, no causation, no principal. */
  public static AppendContext none() {
    return new AppendContext(null, null, null);
  }
}
