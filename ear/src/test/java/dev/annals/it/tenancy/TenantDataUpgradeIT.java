package dev.annals.it.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.annals.it.Api;
import dev.annals.it.Db;
import dev.annals.it.ItServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A release that changes the body of a runOnChange changeset (the append function) reaches the data
 * of every tenant, whatever its mode, at the next start.
 */
class TenantDataUpgradeIT {

  /**
   * The tenant-data version every release before changeset checksums counted recorded: a digest of
   * the changesets' ids only, the same whatever their bodies.
   */
  private static final String IDS_ONLY_VERSION = "acbd5be7141e436d1c3c96ee";

  private static final String CHANGESET = "tenant-0003-append-replay";

  @Test
  void aRestartBringsTheAppendFunctionOfOldTenantsOfEveryModeUpToDate() throws Exception {
    Map<String, String> current = new LinkedHashMap<>();
    for (String mode : List.of("shared", "schema", "database")) {
      String t = Api.createTenant(mode);
      try (Connection c = Db.ownerOf(t)) {
        current.put(t, functionBody(c));
        makeOld(c);
        assertNotEquals(current.get(t), functionBody(c));
      }
      recordVersion(t, IDS_ONLY_VERSION);
    }

    ItServer.restart(() -> {});

    for (Map.Entry<String, String> e : current.entrySet()) {
      try (Connection c = Db.ownerOf(e.getKey())) {
        assertEquals(e.getValue(), functionBody(c), e.getKey() + ": the current body is back");
      }
      assertEquals(201, TenantLifecycleIT.append(e.getKey(), "after").statusCode(), e.getKey());
    }
    String version = recordedVersion(Api.createTenant("schema"));
    assertNotEquals(IDS_ONLY_VERSION, version);
    for (String t : current.keySet()) {
      assertEquals(version, recordedVersion(t), t + " records the version it is migrated to");
    }
  }

  /** What an older release left: another function body, and Liquibase's checksum of it. */
  private static void makeOld(Connection c) throws SQLException {
    String old =
        functionDefinition(c)
            .replaceFirst("(?s)\\bBEGIN\\b", "BEGIN\n  -- the body of an older release\n");
    try (Statement s = c.createStatement()) {
      s.execute(old);
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE databasechangelog SET md5sum = ? WHERE id = ?")) {
      ps.setString(1, "9:00000000000000000000000000000000");
      ps.setString(2, CHANGESET);
      assertEquals(1, ps.executeUpdate());
    }
  }

  private static String functionDefinition(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pg_get_functiondef(p.oid) FROM pg_proc p"
                    + " JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE p.proname = 'append_replay'"
                    + " AND n.nspname = current_schema()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String functionBody(Connection c) throws SQLException {
    String def = functionDefinition(c);
    return def.substring(def.indexOf("AS $"));
  }

  private static void recordVersion(String tenant, String version) throws SQLException {
    try (Connection c = Db.owner();
        PreparedStatement ps =
            c.prepareStatement("UPDATE annals.tenants SET data_version = ? WHERE tenant_id = ?")) {
      ps.setString(1, version);
      ps.setString(2, tenant);
      assertEquals(1, ps.executeUpdate());
    }
  }

  private static String recordedVersion(String tenant) throws SQLException {
    return Db.platformColumn("SELECT data_version FROM annals.tenants WHERE tenant_id = ?", tenant)
        .get(0);
  }
}
