package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.SchemaStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
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

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("database");
    boolean reachable;
    try (Connection c = runtime.getConnection()) {
      reachable = c.isValid(2);
    } catch (SQLException e) {
      reachable = false;
      response.withData("error", String.valueOf(e.getMessage()));
    }
    boolean current = schema.isCurrent();
    schema.lastFailure().ifPresent(f -> response.withData("migration", f));
    return response
        .withData("reachable", reachable)
        .withData("schemaCurrent", current)
        .status(reachable && current)
        .build();
  }
}
