package dev.annals.dlq.infrastructure;

import dev.annals.dlq.api.DeadLetter;
import dev.annals.dlq.api.LetterState;
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
import java.util.List;
import java.util.Optional;

/**
 * Retrying letters: those due for their next attempt, when the next falls due, and the outcome of a
 * failed attempt (retrying again later, or given up: open). Beside {@link DeadLetterRepository},
 * whose row mapping it shares.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class RetryingLetterRepository {

  @EJB TenantConnections connections;

  /** The consumer's retrying letters due now, in $all order, at most {@code limit}. */
  public List<DeadLetter> due(TenantId tenant, String kind, String consumer, int limit)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + DeadLetterRepository.COLUMNS
                    + " FROM dead_letters WHERE tenant_id = ? AND consumer_kind = ?"
                    + " AND consumer = ? AND state = 'retrying' AND due_at <= now()"
                    + " ORDER BY position_tx, position LIMIT ?")) {
      ps.setString(1, tenant.value());
      ps.setString(2, kind);
      ps.setString(3, consumer);
      ps.setInt(4, limit);
      return DeadLetterRepository.letters(ps, false);
    }
  }

  /** When the consumer's next retrying letter falls due; empty when it has none. */
  public Optional<Instant> nextDue(TenantId tenant, String kind, String consumer)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT min(due_at) FROM dead_letters WHERE tenant_id = ? AND consumer_kind = ?"
                    + " AND consumer = ? AND state = 'retrying'")) {
      ps.setString(1, tenant.value());
      ps.setString(2, kind);
      ps.setString(3, consumer);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Timestamp t = rs.getTimestamp(1);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
      }
    }
  }

  /**
   * An attempt of a retrying (or parked, released by a retry) letter failed: one attempt more, and
   * it retries at {@code dueAt}, or, with none, it is given up (open).
   *
   * @return false when the letter was no longer retrying or parked (an operator acted meanwhile)
   */
  public boolean failed(
      TenantId tenant, long id, String cause, String stackSummary, Optional<Instant> dueAt)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE dead_letters SET state = ?, attempts = attempts + 1, cause = ?,"
                    + " stack_summary = ?, last_failure = now(),"
                    + " first_failure = coalesce(first_failure, now()), due_at = ?,"
                    + " updated_at = now()"
                    + " WHERE tenant_id = ? AND id = ? AND state IN ('retrying', 'parked')")) {
      ps.setString(1, (dueAt.isPresent() ? LetterState.RETRYING : LetterState.OPEN).wireName());
      ps.setString(2, cause);
      ps.setString(3, stackSummary);
      DeadLetterRepository.timestamp(ps, 4, dueAt.orElse(null));
      ps.setString(5, tenant.value());
      ps.setLong(6, id);
      return ps.executeUpdate() == 1;
    }
  }
}
