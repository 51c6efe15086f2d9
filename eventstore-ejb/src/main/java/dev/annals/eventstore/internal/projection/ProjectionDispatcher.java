package dev.annals.eventstore.internal.projection;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.projection.Projection;
import dev.annals.eventstore.api.projection.ProjectionBatch;
import dev.annals.eventstore.api.subscription.SubscriptionBatch;
import dev.annals.eventstore.api.subscription.SubscriptionHandler;
import dev.annals.eventstore.infrastructure.projection.ProjectionRepository;
import dev.annals.eventstore.infrastructure.projection.ProjectionRow;
import dev.annals.eventstore.infrastructure.projection.ProjectionStanding;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRepository;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The subscription handler of every projection generation: applies a batch to its projection's
 * generation inside the delivery transaction and, for a generation a rebuild is building, makes it
 * the live one in that same transaction once its checkpoint has reached the live generation's
 * (whose subscription row it locks, so the live delivery cannot advance in between). The replaced
 * generation's subscription is deleted with the switch (its runner finds it gone and stops; a batch
 * of it in flight fails its compare-and-set and rolls back); its rows are discarded after the
 * switch commits.
 */
@ApplicationScoped
public class ProjectionDispatcher implements SubscriptionHandler {

  private static final Logger LOG = Logger.getLogger(ProjectionDispatcher.class.getName());

  @Inject ProjectionRegistry registry;

  @Inject ProjectionRepository projections;

  @Inject SubscriptionRepository subscriptions;

  @Inject ProjectionsConfig config;

  @Inject RetiredGenerations retired;

  @EJB TenantConnections connections;

  @Override
  public String name() {
    return GenerationNames.HANDLER;
  }

  @Override
  public int batchSize() {
    return config.batchSize();
  }

  @Override
  public int catchUpBatchSize() {
    return config.catchUpBatchSize();
  }

  @Override
  public void handle(SubscriptionBatch batch) {
    GenerationNames.Generation g =
        GenerationNames.parse(batch.subscription().value())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "subscription " + batch.subscription() + " drives no projection"));
    Projection projection =
        registry
            .find(g.projection())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no projection named '" + g.projection() + "' is deployed"));
    TenantId tenant = batch.tenant();
    try {
      Optional<ProjectionStanding> standing =
          projections.standing(tenant, g.projection(), GenerationNames.prefix(g.projection()));
      Optional<ProjectionRow> row = standing.map(ProjectionStanding::row);
      boolean building = row.flatMap(ProjectionRow::building).equals(Optional.of(g.generation()));
      if (row.isEmpty() || !building && row.get().live() != g.generation()) {
        return; // a generation nobody reads any more: nothing of it is kept
      }
      try (Connection c = connections.connection(tenant)) {
        projection.apply(
            new ProjectionBatch(tenant, g.generation(), batch.events(), batch.checkpoint()), c);
      }
      if (building && mayHaveCaughtUp(standing.get(), batch.checkpoint())) {
        promoteIfCaughtUp(tenant, g, batch.checkpoint());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "projection " + g.projection() + " (generation " + g.generation() + "): " + e, e);
    }
  }

  /**
   * Whether a generation being built at {@code at} may have reached the live generation: not while
   * it is behind the live checkpoint read without a lock, which the live generation's deliveries
   * only move forward (projection subscriptions cannot be reset), so the locked comparison could
   * only find it behind as well. Spares a catching-up generation two locking statements a batch.
   */
  static boolean mayHaveCaughtUp(ProjectionStanding standing, Checkpoint at) {
    return standing.liveCheckpoint().map(live -> at.compareTo(live) >= 0).orElse(true);
  }

  private void promoteIfCaughtUp(TenantId tenant, GenerationNames.Generation g, Checkpoint at)
      throws SQLException {
    Optional<ProjectionRow> locked = projections.lock(tenant, g.projection());
    if (locked.isEmpty() || !locked.get().building().equals(Optional.of(g.generation()))) {
      return;
    }
    int live = locked.get().live();
    String liveSubscription = GenerationNames.subscription(g.projection(), live);
    Optional<Checkpoint> liveAt = projections.lockCheckpoint(tenant, liveSubscription);
    if (liveAt.isPresent() && at.compareTo(liveAt.get()) < 0) {
      return; // still behind the live generation: the next batch checks again
    }
    projections.promote(tenant, g.projection(), g.generation());
    subscriptions.delete(tenant, liveSubscription);
    retired.discardAfterCommit(tenant, g.projection());
    LOG.log(
        Level.INFO,
        "Projection {0} of {1}: generation {2} replaced generation {3} at {4}",
        new Object[] {g.projection(), tenant, g.generation(), live, at});
  }
}
