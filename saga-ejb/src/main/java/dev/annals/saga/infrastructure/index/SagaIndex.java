package dev.annals.saga.infrastructure.index;

import dev.annals.saga.api.SagaPage;
import dev.annals.saga.api.SagaQuery;
import dev.annals.saga.api.SagaState;
import dev.annals.saga.api.SagaSummary;
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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Saga index rows in the tenant's place, on the current JTA transaction's tenant-bound connection
 * (Row-Level Security applies in every mode). A row follows its saga's log in the transaction that
 * appends to it. Claims take due sagas whose lease is free or expired, skipping rows another node
 * is claiming, so each due saga (each timer) is run by one node.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class SagaIndex {

  private static final String CLAIM =
      """
      UPDATE sagas s SET node = ?,
             lease_until = clock_timestamp() + make_interval(secs => ? / 1000.0)
       WHERE (s.tenant_id, s.saga_id) IN (
             SELECT tenant_id, saga_id FROM sagas
              WHERE wake_at <= clock_timestamp()
                AND (node IS NULL OR lease_until < clock_timestamp())
                AND (?::text IS NULL OR saga_id = ?::text)
              ORDER BY wake_at
              LIMIT ?
              FOR UPDATE SKIP LOCKED)
      RETURNING s.saga_id
      """;

  private static final String SUMMARY =
      "saga_id, type, state, correlation_id, started_at, updated_at";

  @EJB TenantConnections connections;

  /**
   * Adds a started saga's row.
   *
   * @return false when a saga of that id exists (the row is left as it is)
   */
  public boolean insert(
      TenantId tenant, String id, String type, String correlationId, Instant startedAt)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO sagas (tenant_id, saga_id, type, state, correlation_id, started_at,"
                    + " updated_at, wake_at) VALUES (?, ?, ?, 'running', ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
      Timestamp at = Timestamp.from(startedAt);
      ps.setString(1, tenant.value());
      ps.setString(2, id);
      ps.setString(3, type);
      ps.setString(4, correlationId);
      ps.setTimestamp(5, at);
      ps.setTimestamp(6, at);
      ps.setTimestamp(7, at);
      return ps.executeUpdate() == 1;
    }
  }

  /** Records where the saga's log brought it: its state and when it next needs running. */
  public void update(TenantId tenant, String id, SagaState state, Optional<Instant> wakeAt)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE sagas SET state = ?, wake_at = ?, updated_at = clock_timestamp()"
                    + " WHERE saga_id = ?")) {
      ps.setString(1, state.wireName());
      ps.setTimestamp(2, wakeAt.map(Timestamp::from).orElse(null));
      ps.setString(3, id);
      ps.executeUpdate();
    }
  }

  /**
   * Takes the lease of due sagas (or of the one saga {@code only}, if it is due) for this node.
   *
   * @return the ids claimed
   */
  public List<String> claimDue(
      TenantId tenant, String node, long leaseMs, Optional<String> only, int limit)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(CLAIM)) {
      ps.setString(1, node);
      ps.setLong(2, leaseMs);
      ps.setString(3, only.orElse(null));
      ps.setString(4, only.orElse(null));
      ps.setInt(5, limit);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  /**
   * Extends this node's leases of the sagas it is running, so a lease can be short (a dead node's
   * sagas resume soon) and still outlast a slow step.
   */
  public void renew(TenantId tenant, List<String> ids, String node, long leaseMs)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE sagas SET lease_until = clock_timestamp()"
                    + " + make_interval(secs => ? / 1000.0)"
                    + " WHERE saga_id = ANY (?) AND node = ?")) {
      ps.setLong(1, leaseMs);
      ps.setArray(2, c.createArrayOf("text", ids.toArray()));
      ps.setString(3, node);
      ps.executeUpdate();
    }
  }

  /** Hands a saga's lease back, if this node holds it. */
  public void release(TenantId tenant, String id, String node) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE sagas SET node = NULL, lease_until = NULL WHERE saga_id = ? AND node = ?")) {
      ps.setString(1, id);
      ps.setString(2, node);
      ps.executeUpdate();
    }
  }

  /** A page of the tenant's sagas by id. */
  public SagaPage list(TenantId tenant, SagaQuery query) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + SUMMARY + " FROM sagas WHERE true");
    List<String> args = new ArrayList<>();
    query
        .state()
        .ifPresent(
            s -> {
              sql.append(" AND state = ?");
              args.add(s.wireName());
            });
    query
        .type()
        .ifPresent(
            t -> {
              sql.append(" AND type = ?");
              args.add(t);
            });
    query
        .after()
        .ifPresent(
            a -> {
              sql.append(" AND saga_id COLLATE \"C\" > ?");
              args.add(a);
            });
    sql.append(" ORDER BY saga_id COLLATE \"C\" LIMIT ?");
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      for (String arg : args) {
        ps.setString(i++, arg);
      }
      ps.setInt(i, query.limit() + 1);
      List<SagaSummary> sagas = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sagas.add(
              new SagaSummary(
                  rs.getString(1),
                  rs.getString(2),
                  SagaState.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                  rs.getString(4),
                  rs.getTimestamp(5).toInstant(),
                  rs.getTimestamp(6).toInstant()));
        }
      }
      if (sagas.size() > query.limit()) {
        List<SagaSummary> page = sagas.subList(0, query.limit());
        return new SagaPage(List.copyOf(page), Optional.of(page.get(page.size() - 1).id()));
      }
      return new SagaPage(sagas, Optional.empty());
    }
  }
}
