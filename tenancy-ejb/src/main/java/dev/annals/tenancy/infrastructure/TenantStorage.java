package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.Identifiers;
import dev.annals.tenancy.api.InvalidRequestException;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.Tenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where tenant data lives, seen as the schema owner: provisioning (schema or database, migrated,
 * with the tenant's write gate), closing and opening the gate, and purging. Never on a request's
 * read or write path. Every step is idempotent, so a lifecycle action that failed half-way is
 * completed by repeating it.
 */
@ApplicationScoped
public class TenantStorage {

  private static final String DUPLICATE_DATABASE = "42P04";

  @Resource(lookup = "jdbc/annals/admin")
  DataSource platformOwner;

  @Inject
  @ConfigProperty(name = "db.host", defaultValue = "127.0.0.1")
  String platformHost;

  @Inject
  @ConfigProperty(name = "db.port", defaultValue = "5432")
  int platformPort;

  @Inject
  @ConfigProperty(name = "db.user", defaultValue = "annals")
  String ownerUser;

  @Inject
  @ConfigProperty(name = "db.password")
  Optional<String> ownerPassword; // an empty value counts as unset in MicroProfile Config

  @Inject
  @ConfigProperty(name = "db.app.user", defaultValue = "annals_app")
  String appRole;

  @Inject
  @ConfigProperty(name = "db.tenancy.user", defaultValue = "annals_tenancy")
  String tenancyRole;

  /** Creates and migrates the tenant's schema or database and opens its gate. */
  public void provision(Tenant t) throws SQLException, LiquibaseException {
    provision(t, "open");
  }

  /**
   * Creates and migrates the tenant's schema or database, with its gate in {@code gate} (a move's
   * target starts {@code moved}: nothing may write there before the switch).
   */
  public void provision(Tenant t, String gate) throws SQLException, LiquibaseException {
    SchemaMigrator migrator = new SchemaMigrator(appRole, tenancyRole);
    switch (t.isolation()) {
      case SHARED -> {
        // the shared schema is migrated at start-up
      }
      case SCHEMA -> {
        try (Connection c = platformOwner.getConnection()) {
          migrator.migrateTenantData(c, Identifiers.schemaOf(t.id()));
        }
      }
      case DATABASE -> {
        createDatabase(t);
        try (Connection c = owner(t)) {
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
    SchemaMigrator migrator = new SchemaMigrator(appRole, tenancyRole);
    try (Connection c = owner(t)) {
      migrator.migrateTenantData(c, schema(t));
    }
  }

  /** Migrates the shared tenants' schema ({@code annals} of the platform database). */
  public void migrateShared() throws SQLException, LiquibaseException {
    try (Connection c = platformOwner.getConnection()) {
      new SchemaMigrator(appRole, tenancyRole).migrateTenantData(c, Identifiers.SHARED_SCHEMA);
    }
  }

  /**
   * Sets the tenant's write gate ({@code open}, {@code suspended}, {@code deleted}), creating its
   * row when missing. Takes the tenant's gate lock exclusively, so it waits for appends in flight
   * and no append that starts later sees the old state.
   */
  public void setGate(Tenant t, String state) throws SQLException {
    bound(
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
            ps.setString(2, state);
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
        String[] tables =
            keepGate
                ? new String[] {"events", "streams"}
                : new String[] {"events", "streams", "tenant_gate"};
        bound(
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
        try (Connection c = platformOwner.getConnection();
            Statement s = c.createStatement()) {
          s.execute(
              "DROP SCHEMA IF EXISTS "
                  + Identifiers.quote(Identifiers.schemaOf(t.id()))
                  + " CASCADE");
        }
      }
      case DATABASE -> {
        try (Connection c = maintenance(t);
            Statement s = c.createStatement()) {
          s.execute(
              "DROP DATABASE IF EXISTS "
                  + Identifiers.quote(Identifiers.databaseOf(t.id()))
                  + " WITH (FORCE)");
        }
      }
    }
  }

  /** A position in a tenant's $all order. */
  public record Position(long transactionId, long globalPosition) {
    /** Before every event. */
    public static final Position START = new Position(0, 0);
  }

  private static final String EVENT_COLUMNS =
      "global_position, transaction_id, tenant_id, stream_id, stream_version, event_id,"
          + " event_type, schema_version, append_index, append_count, data, metadata, recorded_at";

  /**
   * Copies the tenant's events after {@code after}, in $all order, at most {@code limit}, from
   * where {@code from} keeps them to where {@code to} does, keeping every column, positions and
   * transaction ids included (so checkpoints stay valid). With {@code belowHorizon} only events no
   * open transaction can precede are copied, as a $all reader sees them (copying under traffic);
   * without it, everything (once the gate is closed and no writer of the tenant is left).
   *
   * @return the position of the last event copied, or {@code after} when there was none
   */
  public Position copyEvents(
      Tenant from, Tenant to, Position after, boolean belowHorizon, int limit, long[] copied)
      throws SQLException {
    Position[] last = {after};
    between(
        from,
        to,
        (source, target) -> {
          try (PreparedStatement read =
                  source.prepareStatement(
                      "SELECT global_position, transaction_id::text AS txid, tenant_id, stream_id,"
                          + " stream_version, event_id, event_type, schema_version, append_index,"
                          + " append_count, data::text AS data_text, metadata::text AS meta_text,"
                          + " recorded_at FROM events e WHERE e.tenant_id = ?"
                          + " AND (e.transaction_id, e.global_position) > (?::xid8, ?)"
                          + (belowHorizon
                              ? " AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())"
                              : "")
                          + " ORDER BY e.transaction_id, e.global_position LIMIT ?");
              PreparedStatement write =
                  target.prepareStatement(
                      "INSERT INTO events ("
                          + EVENT_COLUMNS
                          + ") OVERRIDING SYSTEM VALUE VALUES (?, ?::xid8, ?, ?, ?, ?, ?, ?, ?, ?,"
                          + " ?::jsonb, ?::jsonb, ?)")) {
            read.setString(1, from.id().value());
            read.setString(2, Long.toString(after.transactionId()));
            read.setLong(3, after.globalPosition());
            read.setInt(4, limit);
            int n = 0;
            try (ResultSet rs = read.executeQuery()) {
              while (rs.next()) {
                for (int i = 1; i <= 13; i++) {
                  write.setObject(i, rs.getObject(i));
                }
                write.setString(2, rs.getString(2));
                write.setString(11, rs.getString(11));
                write.setString(12, rs.getString(12));
                write.addBatch();
                last[0] = new Position(Long.parseLong(rs.getString(2)), rs.getLong(1));
                n++;
              }
            }
            if (n > 0) {
              write.executeBatch();
            }
            copied[0] = n;
          }
        });
    return last[0];
  }

  /**
   * Completes a copy once the source's gate is closed: the stream heads, and the target's position
   * sequence moved past every copied position.
   */
  public void copyStreamsAndSequence(Tenant from, Tenant to) throws SQLException {
    between(
        from,
        to,
        (source, target) -> {
          try (PreparedStatement read =
                  source.prepareStatement(
                      "SELECT tenant_id, stream_id, version, created_at, updated_at FROM streams"
                          + " WHERE tenant_id = ?");
              PreparedStatement write =
                  target.prepareStatement(
                      "INSERT INTO streams (tenant_id, stream_id, version, created_at, updated_at)"
                          + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant_id, stream_id) DO UPDATE"
                          + " SET version = excluded.version, updated_at = excluded.updated_at")) {
            read.setString(1, from.id().value());
            try (ResultSet rs = read.executeQuery()) {
              while (rs.next()) {
                for (int i = 1; i <= 5; i++) {
                  write.setObject(i, rs.getObject(i));
                }
                write.addBatch();
              }
            }
            write.executeBatch();
          }
          try (PreparedStatement seq =
              target.prepareStatement(
                  "SELECT setval(pg_get_serial_sequence(quote_ident(?) || '.events',"
                      + " 'global_position'), greatest(nextval(pg_get_serial_sequence("
                      + "quote_ident(?) || '.events', 'global_position')), (SELECT"
                      + " coalesce(max(global_position), 0) + 1 FROM events WHERE tenant_id = ?)))")) {
            seq.setString(1, schema(to));
            seq.setString(2, schema(to));
            seq.setString(3, to.id().value());
            seq.execute();
          }
        });
  }

  /** The tenant's event count and last $all position where {@code t} keeps them. */
  public String fingerprint(Tenant t) throws SQLException {
    return bound(
        t,
        false,
        c ->
            single(
                c,
                "SELECT count(*) || ':' || coalesce(max(transaction_id::text || '-' ||"
                    + " global_position), '') || ':' || coalesce(sum(stream_version), 0)"
                    + " FROM events WHERE tenant_id = ?",
                t));
  }

  /**
   * Makes sure transactions on {@code to}'s server get ids above every id stored for the tenant
   * where {@code from} keeps it: events written after a move must sort after the copied ones. On
   * the same server ids are shared, so there is nothing to do; on another, its counter is advanced
   * (one id per commit) by at most {@code maxBurn}.
   *
   * @throws SQLException when the other server is further behind than that
   */
  public void advanceTransactionIds(Tenant from, Tenant to, long maxBurn) throws SQLException {
    if (from.server().equals(to.server())) {
      return;
    }
    long highest =
        Long.parseLong(
            bound(
                from,
                false,
                c ->
                    single(
                        c,
                        "SELECT coalesce(max(transaction_id)::text, '0') FROM events"
                            + " WHERE tenant_id = ?",
                        from)));
    try (Connection c = owner(to);
        Statement s = c.createStatement()) {
      long current;
      try (ResultSet rs = s.executeQuery("SELECT pg_current_xact_id()::text")) {
        rs.next();
        current = Long.parseLong(rs.getString(1));
      }
      long gap = highest + 1 - current;
      if (gap > maxBurn) {
        throw new SQLException(
            "the target server's transaction ids are "
                + gap
                + " behind the tenant's; advance them first (see README, restore procedure)");
      }
      if (gap > 0) {
        s.execute(
            "DO $$ BEGIN FOR i IN 1.."
                + gap
                + " LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$");
      }
    }
  }

  /** Work on one connection. */
  @FunctionalInterface
  private interface SqlWork<R> {
    R run(Connection c) throws SQLException;
  }

  /** Work reading one connection and writing another. */
  @FunctionalInterface
  private interface SqlCopy {
    void run(Connection source, Connection target) throws SQLException;
  }

  /**
   * Runs {@code work} as the owner in one transaction bound to the tenant and its schema, then
   * commits it ({@code commit}) or rolls it back (reads).
   */
  private <R> R bound(Tenant t, boolean commit, SqlWork<R> work) throws SQLException {
    try (Connection c = owner(t)) {
      c.setAutoCommit(false);
      try {
        bind(c, t, schema(t));
        R result = work.run(c);
        if (commit) {
          c.commit();
        } else {
          c.rollback();
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * Runs {@code copy} from where {@code from} keeps the tenant's data to where {@code to} does, as
   * the owner, both bound; commits the target's side.
   */
  private void between(Tenant from, Tenant to, SqlCopy copy) throws SQLException {
    try (Connection source = owner(from);
        Connection target = owner(to)) {
      source.setAutoCommit(false);
      target.setAutoCommit(false);
      try {
        bind(source, from, schema(from));
        bind(target, to, schema(to));
        copy.run(source, target);
        target.commit();
        source.rollback();
      } catch (SQLException | RuntimeException e) {
        target.rollback();
        source.rollback();
        throw e;
      }
    }
  }

  /** The one text value of a query with the tenant's id as its only parameter. */
  private static String single(Connection c, String sql, Tenant t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, t.id().value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private void createDatabase(Tenant t) throws SQLException {
    String name = Identifiers.databaseOf(t.id());
    try (Connection c = maintenance(t)) {
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

  private static String schema(Tenant t) {
    return t.isolation() == Isolation.SCHEMA
        ? Identifiers.schemaOf(t.id())
        : Identifiers.SHARED_SCHEMA;
  }

  /** Binds the tenant and schema for the connection's current transaction. */
  private static void bind(Connection c, Tenant t, String schema) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT set_config('annals.tenant_id', ?, true),"
                + " set_config('search_path', quote_ident(?), true)")) {
      ps.setString(1, t.id().value());
      ps.setString(2, schema);
      ps.execute();
    }
  }

  /** An owner connection to the database that holds the tenant's data. */
  private Connection owner(Tenant t) throws SQLException {
    if (t.isolation() != Isolation.DATABASE) {
      return platformOwner.getConnection();
    }
    return direct(t, Identifiers.databaseOf(t.id()));
  }

  /** An owner connection to the tenant's server, for creating and dropping its database. */
  private Connection maintenance(Tenant t) throws SQLException {
    if (t.server().isEmpty()) {
      return platformOwner.getConnection();
    }
    return direct(t, "postgres");
  }

  /**
   * A connection outside Liberty's pools: provisioning reaches servers and databases that have no
   * datasource (yet), and must not create one for a database it is about to drop.
   */
  private Connection direct(Tenant t, String database) throws SQLException {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    if (t.server().isPresent()) {
      ds.setServerNames(new String[] {t.server().get().host()});
      ds.setPortNumbers(new int[] {t.server().get().port()});
    } else {
      ds.setServerNames(new String[] {platformHost});
      ds.setPortNumbers(new int[] {platformPort});
    }
    ds.setDatabaseName(database);
    ds.setUser(ownerUser);
    ds.setPassword(ownerPassword.orElse(""));
    ds.setConnectTimeout(5);
    ds.setLoginTimeout(5);
    ds.setApplicationName("annals-provisioning");
    try {
      return ds.getConnection();
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("08") && t.server().isPresent()) {
        throw new InvalidRequestException(
            "PostgreSQL at "
                + t.server().get().host()
                + ":"
                + t.server().get().port()
                + " could not be reached: "
                + e.getMessage());
      }
      throw e;
    }
  }
}
