package dev.annals.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The embedded PostgreSQL of {@link DevServices}: started on zonky's binaries with PostgreSQL's own
 * durability, and at first start bootstrapped to roles with passwords and password authentication.
 */
final class DevPostgres {

  /** The first line of the pg_hba.conf written here: its presence means the bootstrap is done. */
  private static final String HBA_MARKER =
      "# Annals embedded default: password authentication only";

  private static final Logger LOG = Logger.getLogger(DevPostgres.class.getName());

  private DevPostgres() {}

  static EmbeddedPostgres start(Path dir, int port, DevSecrets secrets) throws IOException {
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dir)
            .setCleanDataDirectory(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            // zonky checks readiness as the superuser: with its password once pg_hba asks for one
            .setConnectConfig("password", secrets.get(DevSecrets.SUPERUSER))
            // zonky defaults to fsync off (-F) and synchronous_commit off, fit for throwaway test
            // databases but not for a default that keeps data: restore PostgreSQL's durability.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_prepared_transactions", "32")
            // Two test nodes share it, each with its pools plus two small pools (XA, reads) per
            // database-mode tenant: every node declares each such tenant it meets and its
            // subscription driver leases every tenant's statistics projection every 2 s, so such a
            // tenant keeps a connection per node open. 400 ran out in the schema-mode run, after
            // the database-mode tenants of the default run (200 had, with 65 tests, before that).
            .setServerConfig("max_connections", "1000")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start();
    try {
      bootstrap(dir, port, secrets);
    } catch (SQLException e) {
      postgres.close();
      throw new IOException("embedded PostgreSQL started but could not be prepared", e);
    }
    LOG.info(() -> "Embedded PostgreSQL on 127.0.0.1:" + port + ", data in " + dir);
    return postgres;
  }

  /**
   * First start only (zonky's initdb trusts every local connection): as the superuser, sets its
   * password, creates the owner and runtime roles with theirs and the database, then switches every
   * connection to password authentication. Idempotent until the last step, which marks it done.
   */
  private static void bootstrap(Path dir, int port, DevSecrets secrets)
      throws IOException, SQLException {
    Path hba = dir.resolve("pg_hba.conf");
    if (Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARKER)) {
      return;
    }
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("ALTER ROLE postgres PASSWORD '" + secrets.get(DevSecrets.SUPERUSER) + "'");
      role(c, DevServices.OWNER_ROLE, "CREATEDB CREATEROLE", secrets.get(DevSecrets.OWNER));
      role(c, DevServices.APP_ROLE, "NOCREATEDB NOCREATEROLE", secrets.get(DevSecrets.APP));
      role(c, DevServices.TENANCY_ROLE, "NOCREATEDB NOCREATEROLE", secrets.get(DevSecrets.TENANCY));
      // DROP DATABASE ... WITH (FORCE) of a tenant database ends the runtime role's sessions.
      s.execute("GRANT pg_signal_backend TO " + DevServices.OWNER_ROLE);
      if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", DevServices.DATABASE)) {
        s.execute("CREATE DATABASE " + DevServices.DATABASE + " OWNER " + DevServices.OWNER_ROLE);
      }
      Files.writeString(
          hba,
          HBA_MARKER
              + "\nlocal all all scram-sha-256\n"
              + "host all all 127.0.0.1/32 scram-sha-256\n"
              + "host all all ::1/128 scram-sha-256\n",
          StandardCharsets.UTF_8);
      s.execute("SELECT pg_reload_conf()");
    }
  }

  /** Creates a login role that is no superuser and cannot bypass RLS, or resets its password. */
  private static void role(Connection c, String name, String options, String password)
      throws SQLException {
    String verb = exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", name) ? "ALTER" : "CREATE";
    try (Statement s = c.createStatement()) {
      // names are constants; passwords are base64url (DevSecrets): nothing here needs escaping
      s.execute(
          verb
              + " ROLE "
              + name
              + " LOGIN NOSUPERUSER NOBYPASSRLS "
              + options
              + " PASSWORD '"
              + password
              + "'");
    }
  }

  private static boolean exists(Connection c, String sql, String param) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
