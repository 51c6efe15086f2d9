package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.SchemaStatus;
import dev.annals.tenancy.api.SqlFailure;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.exception.LiquibaseException;

/**
 * Runs the Liquibase changelogs when the application starts: the platform's, then the tenant data's
 * in every place tenant data lives (see {@link TenantMaintenance#migrateAndReconcile}). A database
 * that is not reachable yet does not stop the server from starting: the attempt is repeated every
 * few seconds and readiness stays DOWN until the schema is current, so an orchestrator never routes
 * traffic to a node whose schema is behind.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration implements SchemaStatus {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
  private static final long RETRY_MILLIS = 5_000;

  @Resource private TimerService timers;

  @Inject private TenantMaintenance tenants;

  private volatile boolean current;
  private volatile String lastFailure;

  @PostConstruct
  void migrateAtStartup() {
    attempt();
  }

  @Timeout
  void retry() {
    attempt();
  }

  /** Purges deleted tenants whose retention has ended. */
  @Schedule(hour = "*", minute = "*/5", persistent = false)
  void purgeDue() {
    if (current) {
      tenants.purgeDue();
    }
  }

  private void attempt() {
    try {
      tenants.migrateAndReconcile();
      current = true;
      lastFailure = null;
      LOG.info("Database schema is current");
    } catch (SQLException | LiquibaseException | IOException | RuntimeException e) {
      lastFailure = SqlFailure.describe(e);
      LOG.log(
          Level.WARNING,
          "Database schema migration failed, retrying in " + RETRY_MILLIS / 1000 + " s",
          e);
      timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
    }
  }

  @Override
  @Lock(LockType.READ)
  public boolean isCurrent() {
    return current;
  }

  @Override
  @Lock(LockType.READ)
  public Optional<String> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }
}
