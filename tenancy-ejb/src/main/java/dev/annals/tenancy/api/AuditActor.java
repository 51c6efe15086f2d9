package dev.annals.tenancy.api;

import java.util.Optional;

/**
 * Who an audit record names, and the request it came from. Usually the current caller ({@link
 * AuditLog#currentActor()}); work that continues on another thread (a move) captures it first.
 *
 * @param principal the caller principal's name ({@code UNAUTHENTICATED} for an anonymous caller),
 *     or {@link #SERVER_PRINCIPAL} for what the server does by itself
 * @param correlationId the request's correlation id, when there was a request
 */
public record AuditActor(String principal, Optional<String> correlationId) {

  /** The principal of actions the server takes by itself (retention purges, start-up recovery). */
  public static final String SERVER_PRINCIPAL = "(server)";

  /** The server itself, with no request. */
  public static final AuditActor SERVER = new AuditActor(SERVER_PRINCIPAL, Optional.empty());

  public AuditActor {
    if (principal == null || principal.isEmpty() || correlationId == null) {
      throw new IllegalArgumentException("an audit actor needs a principal");
    }
  }
}
