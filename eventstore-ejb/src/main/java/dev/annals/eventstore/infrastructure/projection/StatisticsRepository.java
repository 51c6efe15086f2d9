package dev.annals.eventstore.infrastructure.projection;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.projection.StreamStatistics;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The statistics projection's rows ({@code event_type_statistics}): one multi-row upsert per batch,
 * and one statement that reads the live generation's rows with its checkpoint (one snapshot, so the
 * numbers are exactly those as of that checkpoint).
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class StatisticsRepository {

  private static final String ADD =
      """
      INSERT INTO event_type_statistics AS s
             (tenant_id, generation, event_type, events, streams, last_recorded_at)
      SELECT ?, ?, t.event_type, t.events, t.streams, t.last_recorded_at::timestamptz
        FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::text[])
             AS t(event_type, events, streams, last_recorded_at)
      ON CONFLICT (tenant_id, generation, event_type) DO UPDATE
         SET events = s.events + excluded.events, streams = s.streams + excluded.streams,
             last_recorded_at = greatest(s.last_recorded_at, excluded.last_recorded_at)
      """;

  private static final String READ =
      """
      SELECT p.live_generation, s.checkpoint_tx::text, s.checkpoint_position,
             st.event_type, st.events, st.streams, st.last_recorded_at
        FROM projections p
        LEFT JOIN subscriptions s
               ON s.tenant_id = p.tenant_id AND s.name = ? || p.live_generation
        LEFT JOIN event_type_statistics st
               ON st.tenant_id = p.tenant_id AND st.generation = p.live_generation
       WHERE p.name = ?
       ORDER BY st.event_type
      """;

  @EJB TenantConnections connections;

  /**
   * Adds per-type counts to one generation's rows, in one statement.
   *
   * @param types event types, each once
   * @param events events of each type
   * @param streams streams begun by an event of each type
   * @param last the latest recording time of each type
   */
  public void add(
      Connection c,
      TenantId tenant,
      int generation,
      String[] types,
      Long[] events,
      Long[] streams,
      String[] last)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ADD)) {
      ps.setString(1, tenant.value());
      ps.setInt(2, generation);
      ps.setArray(3, c.createArrayOf("text", types));
      ps.setArray(4, c.createArrayOf("bigint", events));
      ps.setArray(5, c.createArrayOf("bigint", streams));
      ps.setArray(6, c.createArrayOf("text", last));
      ps.executeUpdate();
    }
  }

  /** Deletes one generation's rows. */
  public void discard(Connection c, TenantId tenant, int generation) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM event_type_statistics WHERE tenant_id = ? AND generation = ?")) {
      ps.setString(1, tenant.value());
      ps.setInt(2, generation);
      ps.executeUpdate();
    }
  }

  /**
   * The live generation's statistics with its checkpoint, in one statement (current JTA
   * transaction); empty when the tenant has no such projection yet.
   *
   * @param projection the projection's name
   * @param subscriptionPrefix its generations' subscription names without the generation
   */
  public Optional<StreamStatistics> read(
      TenantId tenant, String projection, String subscriptionPrefix) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(READ)) {
      ps.setString(1, subscriptionPrefix);
      ps.setString(2, projection);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        int generation = rs.getInt(1);
        String tx = rs.getString(2);
        Checkpoint checkpoint =
            tx == null ? Checkpoint.START : new Checkpoint(Long.parseLong(tx), rs.getLong(3));
        SortedMap<String, Long> byType = new TreeMap<>();
        long events = 0;
        long streams = 0;
        Instant last = null;
        do {
          String type = rs.getString(4);
          if (type != null) {
            byType.put(type, rs.getLong(5));
            events += rs.getLong(5);
            streams += rs.getLong(6);
            Instant at = rs.getObject(7, OffsetDateTime.class).toInstant();
            last = last == null || at.isAfter(last) ? at : last;
          }
        } while (rs.next());
        return Optional.of(
            new StreamStatistics(
                streams,
                events,
                java.util.Collections.unmodifiableSortedMap(byType),
                Optional.ofNullable(last),
                checkpoint,
                generation));
      }
    }
  }
}
