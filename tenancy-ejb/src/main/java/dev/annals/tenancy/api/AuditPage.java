package dev.annals.tenancy.api;

import java.util.List;
import java.util.Optional;

/**
 * A page of an audit chain, in sequence order.
 *
 * @param records this page
 * @param next the sequence number to pass as {@code after} for the next page; empty on the last
 */
public record AuditPage(List<AuditRecord> records, Optional<Long> next) {}
