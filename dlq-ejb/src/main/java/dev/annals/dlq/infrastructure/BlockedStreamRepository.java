package dev.annals.dlq.infrastructure;

import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The streams a consumer parks rather than delivers, written synchronously in the transaction that
 * sends a letter (the letter itself is recorded later by the MDB), so the consumer's very next
 * batch sees the block.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class BlockedStreamRepository {

  @EJB TenantConnections connections;

  /** Blocks the stream (or moves its newest letter) for an open letter. */
  public void block(TenantId tenant, String kind, String consumer, String stream, UUID letter)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO dead_letter_streams (tenant_id, consumer_kind, consumer, stream_id,"
                    + " last_event_id, pending) VALUES (?, ?, ?, ?, ?::uuid, 1)"
                    + " ON CONFLICT (tenant_id, consumer_kind, consumer, stream_id)"
                    + " DO UPDATE SET last_event_id = excluded.last_event_id, releasing = false,"
                    + " pending = dead_letter_streams.pending + 1")) {
      bind(ps, tenant, kind, consumer, stream);
      ps.setString(5, letter.toString());
      ps.executeUpdate();
    }
  }

  /**
   * Records a parked letter as the stream's newest, only while the stream is still blocked.
   *
   * @return false when a redrive lifted the block meanwhile (the event must be delivered instead)
   */
  public boolean park(TenantId tenant, String kind, String consumer, String stream, UUID letter)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE dead_letter_streams SET last_event_id = ?::uuid, pending = pending + 1"
                    + " WHERE tenant_id = ? AND consumer_kind = ? AND consumer = ? AND stream_id = ?")) {
      ps.setString(1, letter.toString());
      ps.setString(2, tenant.value());
      ps.setString(3, kind);
      ps.setString(4, consumer);
      ps.setString(5, stream);
      return ps.executeUpdate() == 1;
    }
  }

  /** The consumer's blocked streams. */
  public Set<String> blocked(TenantId tenant, String kind, String consumer) throws SQLException {
    return streams(tenant, kind, consumer, "");
  }

  /**
   * Lifts the block once every letter sent for the stream is recorded and none waits: its newest
   * letter is redriven or discarded, and no letter of it is open or parked.
   *
   * @return false when a letter still waits or is still on its way through the queue
   */
  public boolean lift(TenantId tenant, String kind, String consumer, String stream)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                """
                DELETE FROM dead_letter_streams b
                 WHERE b.tenant_id = ? AND b.consumer_kind = ? AND b.consumer = ?
                   AND b.stream_id = ?
                   AND EXISTS (SELECT 1 FROM dead_letters d
                                WHERE d.tenant_id = b.tenant_id
                                  AND d.consumer_kind = b.consumer_kind
                                  AND d.consumer = b.consumer AND d.event_id = b.last_event_id
                                  AND d.state IN ('redriven', 'discarded'))
                   AND NOT EXISTS (SELECT 1 FROM dead_letters d
                                    WHERE d.tenant_id = b.tenant_id
                                      AND d.consumer_kind = b.consumer_kind
                                      AND d.consumer = b.consumer AND d.stream_id = b.stream_id
                                      AND d.state IN ('open', 'retrying', 'parked'))
                """)) {
      bind(ps, tenant, kind, consumer, stream);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Marks the stream as being released by a retry (its head was delivered) or not any more; false
   * when it is not blocked.
   */
  public boolean releasing(
      TenantId tenant, String kind, String consumer, String stream, boolean releasing)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE dead_letter_streams SET releasing = ? WHERE tenant_id = ?"
                    + " AND consumer_kind = ? AND consumer = ? AND stream_id = ?")) {
      ps.setBoolean(1, releasing);
      ps.setString(2, tenant.value());
      ps.setString(3, kind);
      ps.setString(4, consumer);
      ps.setString(5, stream);
      return ps.executeUpdate() == 1;
    }
  }

  /** The consumer's streams a retry is releasing. */
  public Set<String> releasing(TenantId tenant, String kind, String consumer) throws SQLException {
    return streams(tenant, kind, consumer, " AND releasing");
  }

  private Set<String> streams(TenantId tenant, String kind, String consumer, String condition)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT stream_id FROM dead_letter_streams WHERE tenant_id = ?"
                    + " AND consumer_kind = ? AND consumer = ?"
                    + condition)) {
      ps.setString(1, tenant.value());
      ps.setString(2, kind);
      ps.setString(3, consumer);
      Set<String> out = new HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  /** A letter of the stream was recorded (by the MDB, in its transaction): one fewer pending. */
  public void recorded(TenantId tenant, String kind, String consumer, String stream)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE dead_letter_streams SET pending = greatest(pending - 1, 0)"
                    + " WHERE tenant_id = ? AND consumer_kind = ? AND consumer = ? AND stream_id = ?"
                    + " AND pending > 0")) {
      bind(ps, tenant, kind, consumer, stream);
      ps.executeUpdate();
    }
  }

  /** Whether every letter sent for the stream is recorded (or the stream is not blocked). */
  public boolean settled(TenantId tenant, String kind, String consumer, String stream)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT 1 FROM dead_letter_streams WHERE tenant_id = ? AND consumer_kind = ?"
                    + " AND consumer = ? AND stream_id = ? AND pending > 0")) {
      bind(ps, tenant, kind, consumer, stream);
      try (ResultSet rs = ps.executeQuery()) {
        return !rs.next();
      }
    }
  }

  /** Whether the stream is blocked for the consumer. */
  public boolean isBlocked(TenantId tenant, String kind, String consumer, String stream)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT 1 FROM dead_letter_streams WHERE tenant_id = ? AND consumer_kind = ?"
                    + " AND consumer = ? AND stream_id = ?")) {
      bind(ps, tenant, kind, consumer, stream);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Removes the consumer's blocks and policy and discards its waiting letters (the consumer was
   * deleted).
   */
  public void forget(TenantId tenant, String kind, String consumer) throws SQLException {
    try (Connection c = connections.connection(tenant)) {
      for (String sql :
          new String[] {
            "DELETE FROM dead_letter_streams WHERE tenant_id = ? AND consumer_kind = ?"
                + " AND consumer = ?",
            "DELETE FROM consumer_policies WHERE tenant_id = ? AND consumer_kind = ?"
                + " AND consumer = ?",
            "UPDATE dead_letters SET state = 'discarded', reason = 'its consumer was deleted',"
                + " updated_at = now() WHERE tenant_id = ? AND consumer_kind = ? AND consumer = ?"
                + " AND state IN ('open', 'retrying', 'parked')"
          }) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, tenant.value());
          ps.setString(2, kind);
          ps.setString(3, consumer);
          ps.executeUpdate();
        }
      }
    }
  }

  private static void bind(
      PreparedStatement ps, TenantId tenant, String kind, String consumer, String stream)
      throws SQLException {
    ps.setString(1, tenant.value());
    ps.setString(2, kind);
    ps.setString(3, consumer);
    ps.setString(4, stream);
  }
}
