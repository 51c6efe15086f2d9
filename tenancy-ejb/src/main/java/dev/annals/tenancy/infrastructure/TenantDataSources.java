package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.Identifiers;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The datasources of database-mode tenants, two per placement: an XA one for JTA ({@code
 * jdbc/annals/tenant/<id>-<generation>}: a move declares a new one rather than re-pointing the one
 * in use) and a non-XA one for reads outside any transaction ({@code
 * jdbc/annals/tenant-reads/<id>-<generation>}), both declared in one file in {@code
 * configDropins/overrides} that Liberty applies without a restart (see README, "Tenancy"). Facts
 * this relies on (measured, notes/liberty-tenant-datasources.md): a new file is usable within a
 * second; removing or changing a datasource the application has used restarts the application, so
 * files are only ever added while serving, and retired at start-up, before anything used them; a
 * file is written to a temporary name and renamed, so Liberty never reads half of one.
 *
 * <p>Every node declares them: at start-up for every live tenant, and when it first meets a tenant
 * placement it has not declared yet ({@link #ensureDeclared}), such as one created or moved on
 * another node since.
 */
@ApplicationScoped
public class TenantDataSources {

  private static final Logger LOG = Logger.getLogger(TenantDataSources.class.getName());
  private static final String PREFIX = "annals-tenant-";
  private static final long WAIT_MILLIS = 20_000;

  private final Map<String, DataSource> bound = new ConcurrentHashMap<>();

  /** The placements ({@link #name}) whose declaration this node has written or found. */
  private final Set<String> declared = ConcurrentHashMap.newKeySet();

  /**
   * The name of a placement's datasource, {@code <id>-<generation>}: unique by construction, so no
   * two declarations share a jndiName, and a new placement never changes one in use.
   */
  public static String name(Tenant t) {
    return t.id().value() + "-" + t.generation();
  }

  /**
   * Declares the placement's datasources unless this node has already: a set lookup once it has, so
   * every request may call it. For a placement made on another node since this one started.
   *
   * @throws UnavailableException when the declaration cannot be written
   */
  public void ensureDeclared(Tenant t) {
    if (t.isolation() != Isolation.DATABASE || declared.contains(name(t))) {
      return;
    }
    try {
      declare(t);
    } catch (IOException e) {
      throw new UnavailableException(
          "The datasource of tenant " + t.id() + " cannot be declared now; retry in a moment", e);
    }
  }

  /** Declares the tenant's datasources unless an identical declaration exists already. */
  public void declare(Tenant t) throws IOException {
    if (t.isolation() != Isolation.DATABASE) {
      return;
    }
    Path dir = directory();
    Files.createDirectories(dir);
    Path file = dir.resolve(PREFIX + name(t) + ".xml");
    String xml = declaration(t);
    if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(xml)) {
      declared.add(name(t));
      return;
    }
    Path temp = dir.resolve("." + PREFIX + name(t) + ".tmp");
    Files.writeString(temp, xml, StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    declared.add(name(t));
    LOG.info(() -> "Declared datasources " + jndiName(t) + " and " + readsJndiName(t));
  }

  /**
   * Removes the declarations not named in {@code live} (see {@link #name}), among them those of
   * purged tenants, of placements a tenant has moved away from, and of the names earlier releases
   * used. Only at start-up, before any request used them: removing a datasource the application has
   * used would restart it.
   */
  public void retainOnly(Set<String> live) throws IOException {
    Path dir = directory();
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*.xml")) {
      for (Path f : files) {
        String file = f.getFileName().toString();
        String name = file.substring(PREFIX.length(), file.length() - ".xml".length());
        if (!live.contains(name)) {
          Files.deleteIfExists(f);
          declared.remove(name);
          LOG.info(() -> "Retired datasource " + name);
        }
      }
    }
  }

  /** The datasource of a database-mode tenant's placement (see {@link #lookup(String)}). */
  public DataSource lookup(Tenant t) {
    return lookup(jndiName(t));
  }

  /**
   * The datasource with this JNDI name, waiting (up to 20 s) until Liberty has applied its
   * declaration.
   *
   * @throws UnavailableException when it is not bound in time
   */
  public DataSource lookup(String jndiName) {
    DataSource ds = bound.get(jndiName);
    if (ds != null) {
      return ds;
    }
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    NamingException last = null;
    while (System.currentTimeMillis() < deadline) {
      try {
        ds = (DataSource) new InitialContext().lookup(jndiName);
        bound.put(jndiName, ds);
        return ds;
      } catch (NamingException e) {
        last = e;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new UnavailableException(
        "The datasource " + jndiName + " is not available yet; retry in a moment", last);
  }

  private static String jndiName(Tenant t) {
    return Identifiers.jndiNameOf(t.id(), t.generation());
  }

  private static String readsJndiName(Tenant t) {
    return Identifiers.readsJndiNameOf(jndiName(t));
  }

  /**
   * The declaration: the XA datasource and, on the same database, the reads datasource (non-XA,
   * auto-commit; like the platform's {@code jdbc/annals/reads} it validates nothing per read and
   * discards its whole pool on the first stale connection, the reader retrying). Each pool starts
   * empty (minPoolSize 0: a new or quiet tenant holds no connection), idle connections are closed
   * after a minute and every connection is replaced after 30 minutes, so many quiet tenants do not
   * hold the server's connection slots; on a registered server the pool is capped by its {@code
   * maxConnectionsPerTenant}. Host and port come from the server's registration (validated, {@code
   * DatabaseServer}) and the names derive from a validated id, so nothing here needs escaping;
   * credentials stay server variables.
   */
  static String declaration(Tenant t) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Written by Annals for tenant %1$s (database isolation); regenerated at start-up from
             the tenant registry. Do not edit: change the tenant through the API. -->
        <server>
          <dataSource id="annalsTenant_%2$s" jndiName="%3$s" type="javax.sql.XADataSource"
                      isolationLevel="TRANSACTION_READ_COMMITTED"
                      validationTimeout="${db.validation.timeout}">
            <jdbcDriver libraryRef="pgLib" javax.sql.XADataSource="org.postgresql.xa.PGXADataSource"/>
        %4$s  </dataSource>
          <dataSource id="annalsTenantReads_%2$s" jndiName="%5$s"
                      type="javax.sql.ConnectionPoolDataSource" transactional="false"
                      isolationLevel="TRANSACTION_READ_COMMITTED">
            <jdbcDriver libraryRef="pgLib"
                        javax.sql.ConnectionPoolDataSource="org.postgresql.ds.PGConnectionPoolDataSource"/>
        %6$s  </dataSource>
        </server>
        """
        .formatted(
            t.id().value(),
            name(t).replace('-', '_'),
            jndiName(t),
            pool(t, "annals-tenant", "ValidateAllConnections"),
            readsJndiName(t),
            pool(t, "annals-tenant-reads", "EntirePool"));
  }

  /** The database and pool of one of a placement's datasources: the same but for two names. */
  private static String pool(Tenant t, String applicationName, String purgePolicy) {
    String host = t.server().map(s -> s.host()).orElse("${db.host}");
    String port = t.server().map(s -> Integer.toString(s.port())).orElse("${db.port}");
    String max =
        t.server()
            .map(s -> Integer.toString(s.maxConnectionsPerTenant()))
            .orElse("${db.pool.tenant.max}");
    return """
            <properties.postgresql serverName="%s" portNumber="%s" databaseName="%s"
                                   user="${db.app.user}" password="${db.app.password}"
                                   ApplicationName="%s"/>
            <connectionManager maxPoolSize="%s" minPoolSize="0" connectionTimeout="10s"
                               maxIdleTime="1m" agedTimeout="30m" reapTime="20s"
                               purgePolicy="%s"/>
        """
        .formatted(host, port, Identifiers.databaseOf(t.id()), applicationName, max, purgePolicy);
  }

  private static Path directory() {
    String config = System.getProperty("server.config.dir");
    if (config == null) {
      throw new IllegalStateException("server.config.dir is not set: not running in Liberty?");
    }
    return Path.of(config, "configDropins", "overrides");
  }
}
