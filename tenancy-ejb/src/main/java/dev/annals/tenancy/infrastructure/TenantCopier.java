package dev.annals.tenancy.infrastructure;

import static dev.annals.tenancy.infrastructure.OwnerConnections.schema;
import static dev.annals.tenancy.infrastructure.OwnerConnections.single;

import dev.annals.tenancy.api.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Copies a tenant's data from one place to another for a move, keeping every event's (transaction
 * id, position) so readers' checkpoints stay valid, and checks the copy against its source.
 */
@ApplicationScoped
public class TenantCopier {

  @Inject OwnerConnections owners;

  /** A position in a tenant's $all order. */
  public record Position(long transactionId, long globalPosition) {
    /** Before every event. */
    public static final Position START = new Position(0, 0);
  }

  private static final String EVENT_COLUMNS =
      "global_position, transaction_id, tenant_id, stream_id, stream_version, event_id,"
          + " event_type, schema_version, append_index, append_count, data, metadata, recorded_at";

  /**
   * Copies the tenant's events after {@code after}, in $all order, at most {@code limit}, from
   * where {@code from} keeps them to where {@code to} does, keeping every column, positions and
   * transaction ids included (so checkpoints stay valid). With {@code belowHorizon} only events no
   * open transaction can precede are copied, as a $all reader sees them (copying under traffic);
   * without it, everything (once the gate is closed and no writer of the tenant is left).
   *
   * @return the position of the last event copied, or {@code after} when there was none
   */
  public Position copyEvents(
      Tenant from, Tenant to, Position after, boolean belowHorizon, int limit, long[] copied)
      throws SQLException {
    Position[] last = {after};
    owners.between(
        from,
        to,
        (source, target) -> {
          try (PreparedStatement read =
                  source.prepareStatement(
                      "SELECT global_position, transaction_id::text AS txid, tenant_id, stream_id,"
                          + " stream_version, event_id, event_type, schema_version, append_index,"
                          + " append_count, data::text AS data_text, metadata::text AS meta_text,"
                          + " recorded_at FROM events e WHERE e.tenant_id = ?"
                          + " AND (e.transaction_id, e.global_position) > (?::xid8, ?)"
                          + (belowHorizon
                              ? " AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())"
                              : "")
                          + " ORDER BY e.transaction_id, e.global_position LIMIT ?");
              PreparedStatement write =
                  target.prepareStatement(
                      "INSERT INTO events ("
                          + EVENT_COLUMNS
                          + ") OVERRIDING SYSTEM VALUE VALUES (?, ?::xid8, ?, ?, ?, ?, ?, ?, ?, ?,"
                          + " ?::jsonb, ?::jsonb, ?)")) {
            read.setString(1, from.id().value());
            read.setString(2, Long.toString(after.transactionId()));
            read.setLong(3, after.globalPosition());
            read.setInt(4, limit);
            int n = 0;
            try (ResultSet rs = read.executeQuery()) {
              while (rs.next()) {
                for (int i = 1; i <= 13; i++) {
                  write.setObject(i, rs.getObject(i));
                }
                write.setString(2, rs.getString(2));
                write.setString(11, rs.getString(11));
                write.setString(12, rs.getString(12));
                write.addBatch();
                last[0] = new Position(Long.parseLong(rs.getString(2)), rs.getLong(1));
                n++;
              }
            }
            if (n > 0) {
              write.executeBatch();
            }
            copied[0] = n;
          }
        });
    return last[0];
  }

  /**
   * Completes a copy once the source's gate is closed: the stream heads, the tenant's counts, and
   * the target's position sequence moved past every copied position.
   */
  public void copyStreamsAndSequence(Tenant from, Tenant to) throws SQLException {
    owners.between(
        from,
        to,
        (source, target) -> {
          try (PreparedStatement read =
                  source.prepareStatement(
                      "SELECT tenant_id, stream_id, version, created_at, updated_at FROM streams"
                          + " WHERE tenant_id = ?");
              PreparedStatement write =
                  target.prepareStatement(
                      "INSERT INTO streams (tenant_id, stream_id, version, created_at, updated_at)"
                          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, stream_id) DO UPDATE"
                          + " SET version = excluded.version, updated_at = excluded.updated_at")) {
            read.setString(1, from.id().value());
            try (ResultSet rs = read.executeQuery()) {
              while (rs.next()) {
                for (int i = 1; i <= 5; i++) {
                  write.setObject(i, rs.getObject(i));
                }
                write.addBatch();
              }
            }
            write.executeBatch();
          }
          ProjectionCopy.lockCheckpoints(source, from);
          SideTablesCopy.copy(source, target, from, to, SideTablesCopy.SIDE_TABLES);
          ProjectionCopy.copy(source, target, from, to);
          FailureTablesCopy.copy(source, target, from, to);
          // The counts follow the copied heads (no append reaches the target before the switch).
          try (PreparedStatement clear =
                  target.prepareStatement("DELETE FROM tenant_counters WHERE tenant_id = ?");
              PreparedStatement count =
                  target.prepareStatement(
                      "INSERT INTO tenant_counters (tenant_id, shard, streams, events, bytes)"
                          + " SELECT ?, 0, count(*), coalesce(sum(version), 0), (SELECT"
                          + " coalesce(sum(octet_length(data::text) + octet_length(metadata::text)),"
                          + " 0) FROM events WHERE tenant_id = ?) FROM streams WHERE tenant_id = ?")) {
            clear.setString(1, to.id().value());
            clear.executeUpdate();
            count.setString(1, to.id().value());
            count.setString(2, to.id().value());
            count.setString(3, to.id().value());
            count.executeUpdate();
          }
          try (PreparedStatement seq =
              target.prepareStatement(
                  "SELECT setval(pg_get_serial_sequence(quote_ident(?) || '.events',"
                      + " 'global_position'), greatest(nextval(pg_get_serial_sequence("
                      + "quote_ident(?) || '.events', 'global_position')), (SELECT"
                      + " coalesce(max(global_position), 0) + 1 FROM events WHERE tenant_id = ?)))")) {
            seq.setString(1, schema(to));
            seq.setString(2, schema(to));
            seq.setString(3, to.id().value());
            seq.execute();
          }
        });
  }

  /** The tenant's event count and last $all position where {@code t} keeps them. */
  public String fingerprint(Tenant t) throws SQLException {
    return owners.bound(
        t,
        false,
        c ->
            single(
                c,
                "SELECT count(*) || ':' || coalesce(max(transaction_id::text || '-' ||"
                    + " global_position), '') || ':' || coalesce(sum(stream_version), 0)"
                    + " FROM events WHERE tenant_id = ?",
                t));
  }

  /**
   * Makes sure transactions on {@code to}'s server get ids above every id stored for the tenant
   * where {@code from} keeps it: events written after a move must sort after the copied ones. On
   * the same server ids are shared, so there is nothing to do; on another, its counter is advanced
   * (one id per commit) by at most {@code maxBurn}.
   *
   * @throws SQLException when the other server is further behind than that
   */
  public void advanceTransactionIds(Tenant from, Tenant to, long maxBurn) throws SQLException {
    if (from.server().equals(to.server())) {
      return;
    }
    long highest =
        Long.parseLong(
            owners.bound(
                from,
                false,
                c ->
                    single(
                        c,
                        "SELECT coalesce(max(transaction_id)::text, '0') FROM events"
                            + " WHERE tenant_id = ?",
                        from)));
    try (Connection c = owners.owner(to);
        Statement s = c.createStatement()) {
      long current;
      try (ResultSet rs = s.executeQuery("SELECT pg_current_xact_id()::text")) {
        rs.next();
        current = Long.parseLong(rs.getString(1));
      }
      long gap = highest + 1 - current;
      if (gap > maxBurn) {
        throw new SQLException(
            "the target server's transaction ids are "
                + gap
                + " behind the tenant's; advance them first (see README, restore procedure)");
      }
      if (gap > 0) {
        s.execute(
            "DO $$ BEGIN FOR i IN 1.."
                + gap
                + " LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$");
      }
    }
  }
}
