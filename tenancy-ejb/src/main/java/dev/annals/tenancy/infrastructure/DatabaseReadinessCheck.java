package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.SchemaStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the runtime role can reach PostgreSQL and the schema is current. It checks through the
 * runtime datasource, the one requests use, so a missing role or grant shows here too.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @Resource(lookup = "jdbc/annals/runtime")
  private DataSource runtime;

  @Inject private SchemaStatus schema;

  /** Longest a readiness request waits for the database before it answers DOWN. */
  private static final long ANSWER_WITHIN_MILLIS = 2_000;

  @Resource private ManagedExecutorService executor;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
    boolean reachable;
    Future<Boolean> probe = executor.submit(this::reachable);
    try {
      reachable = probe.get(ANSWER_WITHIN_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      probe.cancel(true);
      reachable = false;
      response.withData("error", "no answer within " + ANSWER_WITHIN_MILLIS + " ms");
    } catch (ExecutionException e) {
      reachable = false;
      response.withData("error", "unreachable (" + e.getCause().getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reachable = false;
    }
    boolean current = schema.isCurrent();
    schema.lastFailure().ifPresent(f -> response.withData("migration", f));
    return response
        .withData("reachable", reachable)
        .withData("schemaCurrent", current)
        .status(reachable && current)
        .build();
  }

  private boolean reachable() throws SQLException {
    try (Connection c = runtime.getConnection()) {
      return c.isValid(2);
    }
  }
}
