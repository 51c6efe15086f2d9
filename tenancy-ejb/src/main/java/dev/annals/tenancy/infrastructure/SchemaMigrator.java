package dev.annals.tenancy.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the Liquibase changelog shipped in the EAR's {@code lib/} to a database. Liquibase's own
 * lock table makes concurrent starts of several nodes safe: one migrates, the others wait.
 */
public final class SchemaMigrator {

  /** The master changelog, a classpath resource of the annals-liquibase jar. */
  public static final String CHANGELOG = "db/changelog/annals-changelog.xml";

  private static final Pattern ROLE = Pattern.compile("^[a-z][a-z0-9_]{2,62}$");

  private final String runtimeRole;

  /**
   * @param runtimeRole the role the application connects as at run time; it reaches SQL as a name,
   *     so it must match {@code ^[a-z][a-z0-9_]{2,62}$}
   */
  public SchemaMigrator(String runtimeRole) {
    if (runtimeRole == null || !ROLE.matcher(runtimeRole).matches()) {
      throw new IllegalArgumentException(
          "runtime role must match " + ROLE.pattern() + ", was: " + runtimeRole);
    }
    this.runtimeRole = runtimeRole;
  }

  /** Brings the database behind {@code owner} up to date; idempotent. */
  public void migrate(DataSource owner) throws SQLException, LiquibaseException {
    try (Connection connection = owner.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Liquibase liquibase =
          new Liquibase(
              CHANGELOG,
              new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader()),
              database);
      for (Map.Entry<String, String> p : parameters().entrySet()) {
        liquibase.setChangeLogParameter(p.getKey(), p.getValue());
      }
      liquibase.update("");
    }
  }

  Map<String, String> parameters() {
    return Map.of("annals.app.role", runtimeRole);
  }
}
