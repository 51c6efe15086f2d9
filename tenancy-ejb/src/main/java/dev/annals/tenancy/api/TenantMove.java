package dev.annals.tenancy.api;

import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's latest move between isolation modes.
 *
 * @param to the isolation it moves to
 * @param server the server, when it moves to a database on another server
 * @param phase how far it has come
 * @param eventsCopied events copied so far
 * @param error why it failed
 * @param startedAt when it started
 * @param finishedAt when it finished (done or failed)
 */
public record TenantMove(
    Isolation to,
    Optional<DatabaseServer> server,
    MovePhase phase,
    long eventsCopied,
    Optional<String> error,
    Instant startedAt,
    Optional<Instant> finishedAt) {}
