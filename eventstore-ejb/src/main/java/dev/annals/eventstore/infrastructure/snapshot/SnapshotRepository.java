package dev.annals.eventstore.infrastructure.snapshot;

import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.snapshot.Snapshot;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The tenant's {@code snapshots} table, on the transaction's tenant-bound connection: Row-Level
 * Security confines every statement to that tenant's rows, whatever the isolation mode.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class SnapshotRepository {

  private static final String INSERT =
      """
      INSERT INTO snapshots (tenant_id, stream_id, stream_version, schema_version, state)
      SELECT s.tenant_id, s.stream_id, ?, ?, ?::jsonb FROM streams s
       WHERE s.tenant_id = ? AND s.stream_id = ? AND s.version >= ?
      ON CONFLICT (tenant_id, stream_id, stream_version) DO UPDATE
        SET schema_version = excluded.schema_version, state = excluded.state, taken_at = now()
      RETURNING taken_at
      """;

  private static final String PRUNE =
      """
      DELETE FROM snapshots WHERE tenant_id = ? AND stream_id = ? AND stream_version < (
        SELECT min(k.stream_version) FROM (
          SELECT stream_version FROM snapshots WHERE tenant_id = ? AND stream_id = ?
           ORDER BY stream_version DESC LIMIT ?) k)
      """;

  private static final String CANDIDATES =
      """
      SELECT stream_version, schema_version, state::text, taken_at FROM snapshots
       WHERE tenant_id = ? AND stream_id = ? AND stream_version <= ?
       ORDER BY stream_version DESC LIMIT ?
      """;

  private static final String HEAD =
      "SELECT version FROM streams WHERE tenant_id = ? AND stream_id = ?";

  @EJB TenantConnections connections;

  /** What an insert did: stored, or the stream's version (absent: no stream) that refused it. */
  public sealed interface Stored {
    /** Stored at this time. */
    record Done(Snapshot snapshot) implements Stored {}

    /** Not stored: the stream is at {@code head} (empty: it does not exist). */
    record Refused(OptionalLong head) implements Stored {}
  }

  /**
   * Stores a snapshot if the stream has reached {@code version}, then keeps only the newest {@code
   * keep} of the stream.
   */
  public Stored save(
      TenantId tenant, StreamId stream, long version, int schemaVersion, String state, int keep)
      throws SQLException {
    try (Connection c = connections.connection(tenant)) {
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        ps.setLong(1, version);
        ps.setInt(2, schemaVersion);
        ps.setString(3, state);
        ps.setString(4, tenant.value());
        ps.setString(5, stream.value());
        ps.setLong(6, version);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return new Stored.Refused(head(c, tenant, stream));
          }
          Snapshot stored =
              new Snapshot(
                  stream,
                  version,
                  schemaVersion,
                  state,
                  rs.getObject(1, OffsetDateTime.class).toInstant());
          prune(c, tenant, stream, keep);
          return new Stored.Done(stored);
        }
      }
    }
  }

  private static void prune(Connection c, TenantId tenant, StreamId stream, int keep)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PRUNE)) {
      ps.setString(1, tenant.value());
      ps.setString(2, stream.value());
      ps.setString(3, tenant.value());
      ps.setString(4, stream.value());
      ps.setInt(5, keep);
      ps.executeUpdate();
    }
  }

  /** Up to {@code limit} snapshots at or below {@code version}, newest first, as stored. */
  public List<Snapshot> candidates(TenantId tenant, StreamId stream, long version, int limit)
      throws SQLException {
    List<Snapshot> out = new ArrayList<>();
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
      ps.setString(1, tenant.value());
      ps.setString(2, stream.value());
      ps.setLong(3, version);
      ps.setInt(4, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Snapshot(
                  stream,
                  rs.getLong(1),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getObject(4, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return out;
  }

  /** The stream's version, empty when it does not exist. */
  public OptionalLong head(TenantId tenant, StreamId stream) throws SQLException {
    try (Connection c = connections.connection(tenant)) {
      return head(c, tenant, stream);
    }
  }

  private static OptionalLong head(Connection c, TenantId tenant, StreamId stream)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(HEAD)) {
      ps.setString(1, tenant.value());
      ps.setString(2, stream.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }
}
