package dev.annals.eventstore.internal.projection;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.projection.Projection;
import dev.annals.eventstore.infrastructure.projection.ProjectionRepository;
import dev.annals.eventstore.infrastructure.projection.ProjectionRow;
import dev.annals.eventstore.infrastructure.subscription.StoredState;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRepository;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRow;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's projections put in place, each in a transaction of its own: a projection row and its
 * first generation's subscription (from the start of $all) for every deployed projection the tenant
 * lacks, and a replaced generation's rows discarded.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ProjectionSetup {

  @Inject ProjectionRegistry registry;

  @Inject ProjectionRepository projections;

  @Inject SubscriptionRepository subscriptions;

  @EJB TenantConnections connections;

  /**
   * Creates what the tenant lacks; idempotent, and safe when nodes race (one row wins).
   *
   * @return whether anything was created
   */
  public boolean ensure(TenantId tenant) throws SQLException {
    boolean created = false;
    for (String name : registry.all().keySet()) {
      if (projections.ensure(tenant, name)) {
        subscriptions.insert(tenant, generation(name, 1));
        created = true;
      }
    }
    return created;
  }

  /** Deletes the rows of the projection's retired generation, if it has one. */
  public void discardRetired(TenantId tenant, String name) throws SQLException {
    Optional<ProjectionRow> row = projections.find(tenant, name);
    Optional<Projection> projection = registry.find(name);
    if (row.isEmpty() || row.get().retired().isEmpty() || projection.isEmpty()) {
      return;
    }
    int retired = row.get().retired().get();
    try (Connection c = connections.connection(tenant)) {
      projection.get().discard(tenant, retired, c);
    }
    projections.retired(tenant, name, retired);
  }

  /** The subscription row that drives one generation from the start of $all. */
  static SubscriptionRow generation(String projection, int generation) {
    return new SubscriptionRow(
        GenerationNames.subscription(projection, generation),
        Optional.empty(),
        List.of(),
        Optional.of(GenerationNames.HANDLER),
        Optional.empty(),
        Optional.empty(),
        StoredState.RUNNING,
        Checkpoint.START,
        0,
        0,
        0,
        Optional.empty(),
        Optional.empty(),
        Instant.now());
  }
}
