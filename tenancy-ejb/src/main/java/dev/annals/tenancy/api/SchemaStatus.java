package dev.annals.tenancy.api;

import java.util.Optional;

/**
 * Whether the platform schema is migrated to what this build expects. Readiness depends on it:
 * nothing may serve requests against a schema that Liquibase has not brought up to date.
 */
public interface SchemaStatus {

  /**
   * @return true once every changeset of this build has been applied
   */
  boolean isCurrent();

  /**
   * @return why the last migration attempt failed, while the schema is not current
   */
  Optional<String> lastFailure();
}
