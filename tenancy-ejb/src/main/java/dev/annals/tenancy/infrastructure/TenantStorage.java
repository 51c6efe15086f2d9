package dev.annals.tenancy.infrastructure;

import static dev.annals.tenancy.infrastructure.OwnerConnections.schema;

import dev.annals.tenancy.api.Identifiers;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.exception.LiquibaseException;

/**
 * Where tenant data lives, seen as the schema owner: provisioning (schema or database, migrated,
 * with the tenant's write gate), closing and opening the gate, and purging. Never on a request's
 * read or write path. Every step is idempotent, so a lifecycle action that failed half-way is
 * completed by repeating it.
 */
@ApplicationScoped
public class TenantStorage {

  private static final String DUPLICATE_DATABASE = "42P04";

  @Inject OwnerConnections owners;

  /** Creates and migrates the tenant's schema or database and opens its gate. */
  public void provision(Tenant t) throws SQLException, LiquibaseException {
    provision(t, Gate.OPEN);
  }

  /**
   * Creates and migrates the tenant's schema or database, with its gate in {@code gate} (a move's
   * target starts {@code moved}: nothing may write there before the switch).
   */
  public void provision(Tenant t, Gate gate) throws SQLException, LiquibaseException {
    SchemaMigrator migrator = owners.migrator();
    switch (t.isolation()) {
      case SHARED -> {
        // the shared schema is migrated at start-up
      }
      case SCHEMA -> {
        try (Connection c = owners.platform()) {
          migrator.migrateTenantData(c, Identifiers.schemaOf(t.id()));
        }
      }
      case DATABASE -> {
        createDatabase(t);
        try (Connection c = owners.owner(t)) {
          migrator.migrateTenantData(c, Identifiers.SHARED_SCHEMA);
        }
      }
    }
    setGate(t, gate);
  }

  /** Migrates the tenant's data to this build's tenant-data changelog (start-up). */
  public void migrate(Tenant t) throws SQLException, LiquibaseException {
    if (t.isolation() == Isolation.SHARED) {
      return;
    }
    SchemaMigrator migrator = owners.migrator();
    try (Connection c = owners.owner(t)) {
      migrator.migrateTenantData(c, schema(t));
    }
  }

  /** Migrates the platform database (roles, registry, audit log). */
  public void migratePlatform() throws SQLException, LiquibaseException {
    try (Connection c = owners.platform()) {
      owners.migrator().migratePlatform(c);
    }
  }

  /** Migrates the shared tenants' schema ({@code annals} of the platform database). */
  public void migrateShared() throws SQLException, LiquibaseException {
    try (Connection c = owners.platform()) {
      owners.migrator().migrateTenantData(c, Identifiers.SHARED_SCHEMA);
    }
  }

  /**
   * Sets the tenant's write gate, creating its row when missing. Takes the tenant's gate lock
   * exclusively, so it waits for appends in flight and no append that starts later sees the old
   * state.
   */
  public void setGate(Tenant t, Gate gate) throws SQLException {
    owners.bound(
        t,
        true,
        c -> {
          try (PreparedStatement lock =
              c.prepareStatement(
                  "SELECT pg_advisory_xact_lock(hashtext('annals.tenant_gate'), hashtext(?))")) {
            lock.setString(1, t.id().value());
            lock.execute();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tenant_gate (tenant_id, state) VALUES (?, ?) ON CONFLICT (tenant_id)"
                      + " DO UPDATE SET state = excluded.state, changed_at = now()"
                      + " WHERE tenant_gate.state IS DISTINCT FROM excluded.state")) {
            ps.setString(1, t.id().value());
            ps.setString(2, gate.wireName());
            return ps.executeUpdate();
          }
        });
  }

  /** Removes every trace of the tenant's data. */
  public void purge(Tenant t) throws SQLException {
    purge(t, false);
  }

  /**
   * Removes the tenant's data; with {@code keepGate} a shared tenant's gate row stays (closed), so
   * a node that still routes a write here answers "moved" rather than "no such tenant".
   */
  public void purge(Tenant t, boolean keepGate) throws SQLException {
    switch (t.isolation()) {
      case SHARED -> {
        List<String> tables =
            new ArrayList<>(
                List.of(
                    "sagas",
                    "saga_types",
                    "upcasters",
                    "dead_letters",
                    "dead_letter_streams",
                    "consumer_policies",
                    "event_type_statistics",
                    "projections",
                    "snapshots",
                    "subscriptions",
                    "events",
                    "streams",
                    "tenant_counters"));
        if (!keepGate) {
          tables.add("tenant_gate");
        }
        owners.bound(
            t,
            true,
            c -> {
              for (String table : tables) {
                try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ?")) {
                  ps.setString(1, t.id().value());
                  ps.executeUpdate();
                }
              }
              return null;
            });
      }
      case SCHEMA -> {
        try (Connection c = owners.platform();
            Statement s = c.createStatement()) {
          s.execute(
              "DROP SCHEMA IF EXISTS "
                  + Identifiers.quote(Identifiers.schemaOf(t.id()))
                  + " CASCADE");
        }
      }
      case DATABASE -> {
        try (Connection c = owners.maintenance(t);
            Statement s = c.createStatement()) {
          s.execute(
              "DROP DATABASE IF EXISTS "
                  + Identifiers.quote(Identifiers.databaseOf(t.id()))
                  + " WITH (FORCE)");
        }
      }
    }
  }

  private void createDatabase(Tenant t) throws SQLException {
    String name = Identifiers.databaseOf(t.id());
    try (Connection c = owners.maintenance(t)) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return;
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + Identifiers.quote(name));
      } catch (SQLException e) {
        if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
          throw e;
        }
      }
    }
  }
}
