package dev.annals.dlq.infrastructure;

import dev.annals.dlq.api.BreakerPolicy;
import dev.annals.dlq.api.BreakerState;
import dev.annals.dlq.api.BreakerStatus;
import dev.annals.dlq.api.ConsumerPolicy;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Consumers' policies and breaker states in the tenant's place. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class PolicyRepository {

  @EJB TenantConnections connections;

  /** The policy set for the consumer, if any. */
  public Optional<ConsumerPolicy> find(TenantId tenant, String kind, String consumer)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT max_attempts, initial_backoff_ms, max_backoff_ms, breaker_failure_ratio,"
                    + " breaker_window, breaker_delay_ms FROM consumer_policies"
                    + " WHERE tenant_id = ? AND consumer_kind = ? AND consumer = ?"
                    + " AND max_attempts IS NOT NULL")) {
      bind(ps, tenant, kind, consumer);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new ConsumerPolicy(
                rs.getInt(1),
                rs.getLong(2),
                rs.getLong(3),
                new BreakerPolicy(rs.getDouble(4), rs.getInt(5), rs.getLong(6))));
      }
    }
  }

  /** Sets the consumer's policy. */
  public void save(TenantId tenant, String kind, String consumer, ConsumerPolicy p)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO consumer_policies (tenant_id, consumer_kind, consumer, max_attempts,"
                    + " initial_backoff_ms, max_backoff_ms, breaker_failure_ratio, breaker_window,"
                    + " breaker_delay_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (tenant_id, consumer_kind, consumer) DO UPDATE SET"
                    + " max_attempts = excluded.max_attempts,"
                    + " initial_backoff_ms = excluded.initial_backoff_ms,"
                    + " max_backoff_ms = excluded.max_backoff_ms,"
                    + " breaker_failure_ratio = excluded.breaker_failure_ratio,"
                    + " breaker_window = excluded.breaker_window,"
                    + " breaker_delay_ms = excluded.breaker_delay_ms, updated_at = now()")) {
      bind(ps, tenant, kind, consumer);
      ps.setInt(4, p.maxAttempts());
      ps.setLong(5, p.initialBackoffMs());
      ps.setLong(6, p.maxBackoffMs());
      ps.setDouble(7, p.breaker().failureRatio());
      ps.setInt(8, p.breaker().window());
      ps.setLong(9, p.breaker().delayMs());
      ps.executeUpdate();
    }
  }

  /** Records the consumer's breaker state. */
  public void saveBreaker(TenantId tenant, String kind, String consumer, BreakerStatus s)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO consumer_policies (tenant_id, consumer_kind, consumer,"
                    + " breaker_state, breaker_since, breaker_failures) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (tenant_id, consumer_kind, consumer) DO UPDATE SET"
                    + " breaker_state = excluded.breaker_state,"
                    + " breaker_since = excluded.breaker_since,"
                    + " breaker_failures = excluded.breaker_failures")) {
      bind(ps, tenant, kind, consumer);
      ps.setString(4, s.state().wireName());
      ps.setTimestamp(5, s.since().map(Timestamp::from).orElse(null));
      ps.setInt(6, s.failures());
      ps.executeUpdate();
    }
  }

  /** The recorded breakers of the tenant's consumers of one kind, by consumer. */
  public Map<String, BreakerStatus> breakers(TenantId tenant, String kind) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT consumer, breaker_state, breaker_since, breaker_failures"
                    + " FROM consumer_policies WHERE tenant_id = ? AND consumer_kind = ?")) {
      ps.setString(1, tenant.value());
      ps.setString(2, kind);
      Map<String, BreakerStatus> out = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp since = rs.getTimestamp(3);
          out.put(
              rs.getString(1),
              new BreakerStatus(
                  BreakerState.parse(rs.getString(2)),
                  Optional.ofNullable(since).map(Timestamp::toInstant),
                  rs.getInt(4)));
        }
      }
      return out;
    }
  }

  private static void bind(PreparedStatement ps, TenantId tenant, String kind, String consumer)
      throws SQLException {
    ps.setString(1, tenant.value());
    ps.setString(2, kind);
    ps.setString(3, consumer);
  }
}
