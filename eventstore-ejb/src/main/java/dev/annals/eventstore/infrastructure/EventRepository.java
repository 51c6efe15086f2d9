package dev.annals.eventstore.infrastructure;

import dev.annals.tenancy.api.Placement;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantLookups;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Appends inside the caller's JTA transaction: the append function of the tenant's schema on the
 * transaction's connection, so the events commit or roll back with the caller's other work. Reads
 * live in {@link EventReader}; group-committed appends in the event store's group commit.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class EventRepository {

  @EJB TenantConnections connections;

  @Inject TenantLookups tenants; // a cache lookup: no EJB hop

  /**
   * Runs one append on the transaction's connection (the append function binds the tenant).
   *
   * @return what the store decided
   */
  public AppendOutcome append(AppendCommand command) throws SQLException {
    Placement placement = tenants.placement(command.tenant());
    try (Connection c = connections.unboundConnection(placement)) {
      return AppendStatement.execute(c, placement.schema(), List.of(command)).get(0);
    }
  }
}
