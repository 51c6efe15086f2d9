package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.Tenant;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Copies a tenant's failure-system rows for a move (tenant changelogs {@code 0015-dead-letters} and
 * {@code 0021-retrying-letters}): dead letters (with new ids: ids are per table, and the target's
 * table may hold other tenants'; retrying ones with their due time), blocked streams (with whether
 * a retry is releasing them and how many of their letters are still in the queue) and consumer
 * policies. Breaker states are not copied: a breaker starts closed wherever its consumer is driven
 * next.
 */
final class FailureTablesCopy {

  private FailureTablesCopy() {}

  private static final SideTablesCopy.Table[] TABLES = {
    new SideTablesCopy.Table(
        "SELECT tenant_id, consumer_kind, consumer, stream_id, stream_version, event_id::text,"
            + " position_tx::text, position, state, attempts, cause, stack_summary, event::text,"
            + " first_failure, last_failure, reason, created_at, updated_at, due_at FROM dead_letters"
            + " WHERE tenant_id = ? ORDER BY id",
        "INSERT INTO dead_letters (tenant_id, consumer_kind, consumer, stream_id, stream_version,"
            + " event_id, position_tx, position, state, attempts, cause, stack_summary, event,"
            + " first_failure, last_failure, reason, created_at, updated_at, due_at) VALUES (?, ?,"
            + " ?, ?, ?, ?::uuid, ?::xid8, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING"),
    new SideTablesCopy.Table(
        "SELECT tenant_id, consumer_kind, consumer, stream_id, last_event_id::text, since,"
            + " releasing, pending FROM dead_letter_streams WHERE tenant_id = ?",
        "INSERT INTO dead_letter_streams (tenant_id, consumer_kind, consumer, stream_id,"
            + " last_event_id, since, releasing, pending) VALUES (?, ?, ?, ?, ?::uuid, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING"),
    new SideTablesCopy.Table(
        "SELECT tenant_id, consumer_kind, consumer, max_attempts, initial_backoff_ms,"
            + " max_backoff_ms, breaker_failure_ratio, breaker_window, breaker_delay_ms"
            + " FROM consumer_policies WHERE tenant_id = ?",
        "INSERT INTO consumer_policies (tenant_id, consumer_kind, consumer, max_attempts,"
            + " initial_backoff_ms, max_backoff_ms, breaker_failure_ratio, breaker_window,"
            + " breaker_delay_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
  };

  static void copy(Connection source, Connection target, Tenant from, Tenant to)
      throws SQLException {
    SideTablesCopy.copy(source, target, from, to, TABLES);
  }
}
