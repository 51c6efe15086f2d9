package dev.annals.eventstore.internal.projection;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.projection.StreamStatistics;
import dev.annals.eventstore.api.projection.TenantStatistics;
import dev.annals.eventstore.infrastructure.projection.StatisticsRepository;
import dev.annals.eventstore.internal.subscription.SubscriptionDriver;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.Tenants;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the statistics projection's live generation: one statement over a row per event type, never
 * a count of streams or events. A tenant whose projections are not set up yet is set up here (and
 * reads as empty, at the start of $all, until its projection has caught up).
 */
@Stateless
public class TenantStatisticsBean implements TenantStatistics {

  @EJB Tenants tenants;

  @EJB ProjectionSetup setup;

  @EJB SubscriptionDriver driver;

  @Inject StatisticsRepository repository;

  @Override
  public StreamStatistics of(TenantId tenant) {
    tenants.requireReadable(tenant);
    try {
      Optional<StreamStatistics> read = read(tenant);
      if (read.isEmpty() && setup.ensure(tenant)) {
        driver.scanSoon(tenant);
        read = read(tenant);
      }
      return read.orElseGet(
          () ->
              new StreamStatistics(
                  0,
                  0,
                  Collections.unmodifiableSortedMap(new TreeMap<>()),
                  Optional.empty(),
                  Checkpoint.START,
                  1));
    } catch (SQLException e) {
      throw UnavailableException.databaseDidNotAnswer("read the statistics of " + tenant, e);
    }
  }

  private Optional<StreamStatistics> read(TenantId tenant) throws SQLException {
    return repository.read(tenant, PROJECTION, GenerationNames.prefix(PROJECTION));
  }
}
