package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.DatabaseServer;
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
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connections as the schema owner to wherever a tenant's data lives (the platform database, or a
 * tenant database on any server), and the transaction shapes provisioning and moves use on them:
 * work bound to one tenant, and copies from one place to another. Never on a request's path.
 */
@ApplicationScoped
public class OwnerConnections {

  private static final Logger LOG = Logger.getLogger(OwnerConnections.class.getName());

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

  @Inject ServerCredentials credentials;

  @Inject
  @ConfigProperty(name = "db.app.user", defaultValue = "annals_app")
  String appRole;

  @Inject
  @ConfigProperty(name = "db.tenancy.user", defaultValue = "annals_tenancy")
  String tenancyRole;

  /** The migration runner, with this server's runtime roles. */
  public SchemaMigrator migrator() {
    return new SchemaMigrator(appRole, tenancyRole);
  }

  /** An owner connection to the platform database. */
  public Connection platform() throws SQLException {
    return platformOwner.getConnection();
  }

  /** Work on one connection. */
  @FunctionalInterface
  interface SqlWork<R> {
    R run(Connection c) throws SQLException;
  }

  /** Work reading one connection and writing another. */
  @FunctionalInterface
  interface SqlCopy {
    void run(Connection source, Connection target) throws SQLException;
  }

  /**
   * Runs {@code work} as the owner in one transaction bound to the tenant and its schema, then
   * commits it ({@code commit}) or rolls it back (reads).
   */
  <R> R bound(Tenant t, boolean commit, SqlWork<R> work) throws SQLException {
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
  void between(Tenant from, Tenant to, SqlCopy copy) throws SQLException {
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
  static String single(Connection c, String sql, Tenant t) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, t.id().value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  static String schema(Tenant t) {
    return t.isolation() == Isolation.SCHEMA
        ? Identifiers.schemaOf(t.id())
        : Identifiers.SHARED_SCHEMA;
  }

  /** Binds the tenant and schema for the connection's current transaction. */
  static void bind(Connection c, Tenant t, String schema) throws SQLException {
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
  Connection owner(Tenant t) throws SQLException {
    if (t.isolation() != Isolation.DATABASE) {
      return platform();
    }
    return direct(t, Identifiers.databaseOf(t.id()));
  }

  /** An owner connection to the tenant's server, for creating and dropping its database. */
  Connection maintenance(Tenant t) throws SQLException {
    if (t.server().isEmpty()) {
      return platform();
    }
    return direct(t, "postgres");
  }

  /**
   * A connection outside Liberty's pools: provisioning reaches servers and databases that have no
   * datasource (yet), and must not create one for a database it is about to drop. On a registered
   * server it logs in with that server's credentials; a failure to connect or log in there is one
   * generic refusal, without the server's own text (which could tell an open port from a closed or
   * filtered one, or quote what answered).
   */
  private Connection direct(Tenant t, String database) throws SQLException {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setDatabaseName(database);
    ds.setConnectTimeout(5);
    ds.setLoginTimeout(5);
    ds.setApplicationName("annals-provisioning");
    if (t.server().isEmpty()) {
      ds.setServerNames(new String[] {platformHost});
      ds.setPortNumbers(new int[] {platformPort});
      ds.setUser(ownerUser);
      ds.setPassword(ownerPassword.orElse(""));
      return ds.getConnection();
    }
    DatabaseServer server = t.server().get();
    ServerCredentials.Credentials login =
        credentials
            .resolve(server.credentials())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "The credentials of database server '"
                            + server.name()
                            + "' are not configured (its reference names no user)"));
    ds.setServerNames(new String[] {server.host()});
    ds.setPortNumbers(new int[] {server.port()});
    ds.setUser(login.user());
    ds.setPassword(login.password());
    try {
      return ds.getConnection();
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "Could not connect to database server " + server.name() + " as " + login.user(),
          e);
      throw new InvalidRequestException(unusable(server));
    }
  }

  /** The one answer for a registered server that cannot be connected to or logged in to. */
  static String unusable(DatabaseServer server) {
    return "The database server '"
        + server.name()
        + "' could not be used: connecting or logging in failed. Check its registration and"
        + " credentials, and that it accepts connections from Annals";
  }
}
