package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.Tenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Copies a tenant's rows beside its events for a move, table by table, each row with the target's
 * tenant id and upserted (or skipped when present), so a move retried after a crash copies again
 * without duplicates. {@link #SIDE_TABLES}: snapshots (a cache written outside the gate's fence, so
 * one stored at the source during the move may be left behind), subscriptions with their
 * checkpoints (valid in the new place, since events keep their positions) and without leases,
 * declarative upcasters (written outside the fence too: the target's copy is what reads use after
 * the switch), and saga index rows (without leases; their logs are streams, copied with the events)
 * and declarative saga types.
 */
final class SideTablesCopy {

  /**
   * One table's copy: {@code select} reads the source's rows of a tenant (its one parameter, the
   * tenant id, first column the tenant id), {@code insert} writes one row with as many parameters
   * as {@code select} has columns.
   */
  record Table(String select, String insert) {
    int columns() {
      return (int) insert.chars().filter(ch -> ch == '?').count();
    }
  }

  private static final String SUBSCRIPTION_COLUMNS =
      "tenant_id, name, stream_prefix, event_types, handler, webhook_url, webhook_secret, state,"
          + " checkpoint_tx, checkpoint_position, delivered, failures, last_error, created_at";

  /** Snapshots, subscriptions, upcasters, sagas and saga types (after the stream heads). */
  static final Table[] SIDE_TABLES = {
    new Table(
        "SELECT tenant_id, stream_id, stream_version, schema_version, state::text, taken_at"
            + " FROM snapshots WHERE tenant_id = ?",
        "INSERT INTO snapshots (tenant_id, stream_id, stream_version, schema_version, state,"
            + " taken_at) VALUES (?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING"),
    new Table(
        "SELECT tenant_id, name, stream_prefix, event_types::text, handler, webhook_url,"
            + " webhook_secret, state, checkpoint_tx::text, checkpoint_position, delivered,"
            + " failures, last_error, created_at FROM subscriptions WHERE tenant_id = ?",
        "INSERT INTO subscriptions ("
            + SUBSCRIPTION_COLUMNS
            + ") VALUES (?, ?, ?, ?::text[], ?, ?, ?, ?, ?::xid8, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (tenant_id, name) DO UPDATE SET"
            + " checkpoint_tx = excluded.checkpoint_tx,"
            + " checkpoint_position = excluded.checkpoint_position,"
            + " state = excluded.state"),
    new Table(
        "SELECT tenant_id, event_type, from_version, operations::text, updated_at FROM upcasters"
            + " WHERE tenant_id = ?",
        "INSERT INTO upcasters (tenant_id, event_type, from_version, operations, updated_at)"
            + " VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (tenant_id, event_type, from_version)"
            + " DO UPDATE SET operations = excluded.operations, updated_at = excluded.updated_at"),
    new Table(
        "SELECT tenant_id, saga_id, type, state, correlation_id, started_at, updated_at, wake_at"
            + " FROM sagas WHERE tenant_id = ?",
        "INSERT INTO sagas (tenant_id, saga_id, type, state, correlation_id, started_at,"
            + " updated_at, wake_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id,"
            + " saga_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at,"
            + " wake_at = excluded.wake_at"),
    new Table(
        "SELECT tenant_id, type, definition::text, created_at, updated_at FROM saga_types"
            + " WHERE tenant_id = ?",
        "INSERT INTO saga_types (tenant_id, type, definition, created_at, updated_at)"
            + " VALUES (?, ?, ?::jsonb, ?, ?) ON CONFLICT (tenant_id, type) DO UPDATE SET"
            + " definition = excluded.definition, updated_at = excluded.updated_at")
  };

  private SideTablesCopy() {}

  /** Copies {@code from}'s rows of each table, in order, as {@code to}'s. */
  static void copy(Connection source, Connection target, Tenant from, Tenant to, Table... tables)
      throws SQLException {
    for (Table table : tables) {
      int columns = table.columns();
      try (PreparedStatement read = source.prepareStatement(table.select());
          PreparedStatement write = target.prepareStatement(table.insert())) {
        read.setString(1, from.id().value());
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              write.setObject(i, rs.getObject(i));
            }
            write.setString(1, to.id().value());
            write.addBatch();
          }
        }
        write.executeBatch();
      }
    }
  }
}
