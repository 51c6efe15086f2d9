package dev.annals.dlq.infrastructure;

import dev.annals.dlq.api.ConsumerLetterCounts;
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
import java.util.ArrayList;
import java.util.List;

/** A tenant's dead letters counted per consumer and state, in one grouped query. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class DeadLetterTally {

  private static final String BY_CONSUMER =
      """
      SELECT consumer, consumer_kind,
             count(*) FILTER (WHERE state = 'open'),
             count(*) FILTER (WHERE state = 'parked'),
             count(*) FILTER (WHERE state = 'redriven'),
             count(*) FILTER (WHERE state = 'discarded'),
             count(*) FILTER (WHERE state = 'retrying')
        FROM dead_letters
       WHERE tenant_id = ?
       GROUP BY consumer, consumer_kind
       ORDER BY consumer, consumer_kind
      """;

  @EJB TenantConnections connections;

  /** Every consumer with letters, by name. */
  public List<ConsumerLetterCounts> byConsumer(TenantId tenant) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(BY_CONSUMER)) {
      ps.setString(1, tenant.value());
      List<ConsumerLetterCounts> counts = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.add(
              new ConsumerLetterCounts(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getLong(5),
                  rs.getLong(6),
                  rs.getLong(7)));
        }
      }
      return counts;
    }
  }
}
