package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import liquibase.ChecksumVersion;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Applies the Liquibase changelogs shipped in the EAR's {@code lib/}: the platform changelog to the
 * platform database, and the tenant-data changelog to each place tenant data lives (a schema of the
 * platform database, or schema {@code annals} of a tenant database), tracked in that schema's own
 * tables. Liquibase's lock table makes concurrent starts of several nodes safe.
 */
public final class SchemaMigrator {

  /** The platform changelog, a classpath resource of the annals-liquibase jar. */
  public static final String CHANGELOG = "db/changelog/annals-changelog.xml";

  /** The tenant-data changelog. */
  public static final String TENANT_CHANGELOG = "db/changelog/tenant-changelog.xml";

  /** Where the platform changelog is tracked (its tables name their schema themselves). */
  static final String PLATFORM_SCHEMA = "public";

  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{2,62}$");

  private final String appRole;
  private final String tenancyRole;

  /**
   * @param appRole the event store's runtime role
   * @param tenancyRole tenancy's runtime role; both reach SQL as names, so both must match {@code
   *     ^[a-z][a-z0-9_]{2,62}$}
   */
  public SchemaMigrator(String appRole, String tenancyRole) {
    this.appRole = checked("runtime role", appRole);
    this.tenancyRole = checked("tenancy role", tenancyRole);
  }

  private static String checked(String what, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " must match " + NAME.pattern() + ", was: " + name);
    }
    return name;
  }

  /** Brings the platform database behind {@code owner} up to date; idempotent. */
  public void migratePlatform(Connection owner) throws LiquibaseException {
    run(owner, CHANGELOG, null);
  }

  /**
   * Brings the tenant data in {@code schema} of the database behind {@code owner} up to date,
   * creating the schema first; idempotent.
   */
  public void migrateTenantData(Connection owner, String schema)
      throws SQLException, LiquibaseException {
    checked("schema", schema);
    try (Statement s = owner.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema));
    }
    if (!owner.getAutoCommit()) {
      owner.commit();
    }
    run(owner, TENANT_CHANGELOG, schema);
  }

  private void run(Connection owner, String changelog, String schema) throws LiquibaseException {
    Database database =
        DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(owner));
    // Named explicitly, never left to search_path: its "$user" entry would make an owner named
    // like a tenant-data schema (the default owner 'annals') track the platform changelog in that
    // schema's table from the second start on.
    String target = schema == null ? PLATFORM_SCHEMA : schema;
    database.setDefaultSchemaName(target);
    database.setLiquibaseSchemaName(target);
    Liquibase liquibase = new Liquibase(changelog, resources(), database);
    for (Map.Entry<String, String> p : parameters(schema).entrySet()) {
      liquibase.setChangeLogParameter(p.getKey(), p.getValue());
    }
    liquibase.update("");
  }

  Map<String, String> parameters(String schema) {
    return schema == null
        ? Map.of("annals.app.role", appRole, "annals.tenancy.role", tenancyRole)
        : Map.of(
            "annals.app.role",
            appRole,
            "annals.tenancy.role",
            tenancyRole,
            "annals.schema",
            schema);
  }

  /**
   * A digest of the tenant-data changelog: every changeset's identity and checksum (its content). A
   * tenant whose recorded version equals it needs no migration; any change that Liquibase would
   * apply (a new changeset, or a new body of a runOnChange one) changes it, so it reaches every
   * tenant at the next start.
   */
  public static String tenantDataVersion() throws LiquibaseException {
    ResourceAccessor resources = resources();
    DatabaseChangeLog log =
        ChangeLogParserFactory.getInstance()
            .getParser(TENANT_CHANGELOG, resources)
            .parse(TENANT_CHANGELOG, new ChangeLogParameters(), resources);
    StringBuilder changesets = new StringBuilder();
    for (ChangeSet c : log.getChangeSets()) {
      changesets.append(c.getFilePath()).append('|').append(c.getId()).append('|');
      changesets.append(c.getAuthor()).append('|');
      changesets.append(c.generateCheckSum(ChecksumVersion.latest())).append('\n');
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(changesets.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResourceAccessor resources() {
    return new ClassLoaderResourceAccessor(SchemaMigrator.class.getClassLoader());
  }
}
