package dev.annals.eventstore.internal.projection;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.projection.ProjectionInfo;
import dev.annals.eventstore.api.projection.ProjectionName;
import dev.annals.eventstore.api.projection.ProjectionNotFoundException;
import dev.annals.eventstore.api.projection.Projections;
import dev.annals.eventstore.api.projection.RebuildProgress;
import dev.annals.eventstore.api.projection.RebuildRunningException;
import dev.annals.eventstore.api.subscription.SubscriptionInfo;
import dev.annals.eventstore.api.subscription.SubscriptionName;
import dev.annals.eventstore.api.subscription.SubscriptionNotFoundException;
import dev.annals.eventstore.api.subscription.Subscriptions;
import dev.annals.eventstore.infrastructure.projection.ProjectionRepository;
import dev.annals.eventstore.infrastructure.projection.ProjectionRow;
import dev.annals.eventstore.infrastructure.subscription.SubscriptionRepository;
import dev.annals.eventstore.internal.subscription.SubscriptionDriver;
import dev.annals.tenancy.api.AfterCommit;
import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.AuditLog;
import dev.annals.tenancy.api.AuditOutcome;
import dev.annals.tenancy.api.AuditScope;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.Tenants;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's projections: shown from their generations' subscriptions, and rebuilt blue/green (a
 * new generation's subscription from the start of $all; {@link ProjectionDispatcher} switches).
 * Rebuilds are audited in the tenant's chain.
 */
@Stateless
public class ProjectionsBean implements Projections {

  @EJB Tenants tenants;

  @EJB AuditLog audit;

  @EJB Subscriptions subscriptionInfos;

  @EJB SubscriptionDriver driver;

  @EJB ProjectionSetup setup;

  @Inject ProjectionRegistry registry;

  @Inject ProjectionRepository projections;

  @Inject RetiredGenerations retired;

  @Inject SubscriptionRepository subscriptions;

  @Resource TransactionSynchronizationRegistry transaction;

  @Override
  public List<ProjectionInfo> list(TenantId tenant) {
    tenants.requireReadable(tenant);
    try {
      List<ProjectionInfo> all = new ArrayList<>();
      for (ProjectionRow row : rows(tenant)) {
        if (registry.find(row.name()).isPresent()) {
          all.add(info(tenant, row));
        }
      }
      return all;
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("list the projections of " + tenant, e);
    }
  }

  @Override
  public ProjectionInfo get(TenantId tenant, ProjectionName name) {
    tenants.requireReadable(tenant);
    try {
      return info(tenant, row(tenant, name));
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read projection " + name, e);
    }
  }

  @Override
  public ProjectionInfo rebuild(TenantId tenant, ProjectionName name) {
    tenants.requireReadable(tenant);
    try {
      row(tenant, name); // set up, or 404
      if (projections.find(tenant, name.value()).flatMap(ProjectionRow::retired).isPresent()) {
        setup.discardRetired(tenant, name.value()); // left by a crash after the last switch
      }
      ProjectionRow row = projections.lock(tenant, name.value()).orElseThrow();
      if (row.building().isPresent()) {
        throw new RebuildRunningException(name, row.building().get());
      }
      int generation = row.next();
      projections.startRebuild(tenant, name.value(), generation);
      subscriptions.insert(tenant, ProjectionSetup.generation(name.value(), generation));
      Optional<Checkpoint> live =
          projections.lockCheckpoint(
              tenant, GenerationNames.subscription(name.value(), row.live()));
      if (live.isEmpty() || live.get().isStart()) {
        // The live generation has applied nothing: the new one, equally empty, replaces it now.
        projections.promote(tenant, name.value(), generation);
        subscriptions.delete(tenant, GenerationNames.subscription(name.value(), row.live()));
        retired.discardAfterCommit(tenant, name.value());
      }
      audit.record(
          new AuditEvent(
              AuditScope.TENANT,
              "projection.rebuild-started",
              Optional.of(tenant),
              Optional.of(name.value()),
              AuditOutcome.SUCCEEDED,
              Json.createObjectBuilder()
                  .add("generation", generation)
                  .add("replacing", row.live())
                  .build()));
      afterCommit(() -> driver.scanSoon(tenant));
      return info(tenant, projections.find(tenant, name.value()).orElseThrow());
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("rebuild projection " + name, e);
    }
  }

  /** The tenant's projection rows, setting up the ones it lacks first. */
  private List<ProjectionRow> rows(TenantId tenant) throws SQLException {
    List<ProjectionRow> rows = projections.list(tenant);
    if (rows.size() < registry.all().size()) {
      if (setup.ensure(tenant)) {
        afterCommit(() -> driver.scanSoon(tenant));
      }
      rows = projections.list(tenant);
    }
    return rows;
  }

  private ProjectionRow row(TenantId tenant, ProjectionName name) throws SQLException {
    if (registry.find(name.value()).isEmpty()) {
      throw new ProjectionNotFoundException(name);
    }
    return rows(tenant).stream()
        .filter(r -> r.name().equals(name.value()))
        .findFirst()
        .orElseThrow(() -> new ProjectionNotFoundException(name));
  }

  /**
   * The projection as shown. Its row and its generations' subscriptions are read one after the
   * other, so a switch may commit in between (the generation read as live is gone): then the row is
   * read again.
   */
  private ProjectionInfo info(TenantId tenant, ProjectionRow row) throws SQLException {
    ProjectionRow current = row;
    for (int attempt = 1; ; attempt++) {
      try {
        return shown(tenant, current);
      } catch (SubscriptionNotFoundException switched) {
        Optional<ProjectionRow> again = projections.find(tenant, row.name());
        if (attempt == 3 || again.isEmpty()) {
          throw switched;
        }
        current = again.get();
      }
    }
  }

  private ProjectionInfo shown(TenantId tenant, ProjectionRow row) {
    SubscriptionInfo live = generation(tenant, row.name(), row.live());
    Optional<RebuildProgress> rebuild =
        row.building()
            .map(
                g -> {
                  SubscriptionInfo b = generation(tenant, row.name(), g);
                  return RebuildProgress.of(
                      g,
                      row.rebuildStartedAt().orElse(b.createdAt()),
                      Instant.now(),
                      b.checkpoint(),
                      b.delivered(),
                      b.lagEvents(),
                      b.eventsPerSecond());
                });
    return new ProjectionInfo(
        new ProjectionName(row.name()),
        row.live(),
        live.state(),
        live.checkpoint(),
        live.lagEvents(),
        live.lagSeconds(),
        live.eventsPerSecond(),
        live.lastError(),
        rebuild,
        row.rebuildFinishedAt());
  }

  private SubscriptionInfo generation(TenantId tenant, String projection, int generation) {
    return subscriptionInfos.get(
        tenant, new SubscriptionName(GenerationNames.subscription(projection, generation)));
  }

  /** Runs {@code nudge} once this transaction has committed. */
  private void afterCommit(Runnable nudge) {
    AfterCommit.run(transaction, nudge);
  }
}
