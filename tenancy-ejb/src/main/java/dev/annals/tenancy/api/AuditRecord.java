package dev.annals.tenancy.api;

import java.time.Instant;
import java.util.Optional;

/**
 * One stored record of an audit chain, as read back (possibly tampered with: verification decides).
 *
 * @param chain the chain's name ({@link AuditChain#name()})
 * @param sequence its place in the chain, from 1
 * @param recordedAt when it was appended (microseconds)
 * @param principal who did it
 * @param tenant the tenant concerned, if any
 * @param action what was done
 * @param target what it was done on, if anything
 * @param outcome how it ended
 * @param correlationId the request's correlation id, if any
 * @param detail the detail object, as PostgreSQL renders the stored jsonb
 * @param prevHash the previous record's hash (64 zeros for the first)
 * @param hash the SHA-256 of this record's canonical form, lowercase hex
 */
public record AuditRecord(
    String chain,
    long sequence,
    Instant recordedAt,
    String principal,
    Optional<String> tenant,
    String action,
    Optional<String> target,
    String outcome,
    Optional<String> correlationId,
    String detail,
    String prevHash,
    String hash) {}
