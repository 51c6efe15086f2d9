package dev.annals.eventstore.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.ExpectedVersion;
import dev.annals.eventstore.api.StreamId;
import dev.annals.tenancy.api.Identifiers;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.infrastructure.SchemaMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The README's procedure for restoring a dump into a new cluster, carried out with the real tools:
 * after pg_restore, moving the new cluster's transaction-id epoch past the restored events keeps
 * every reader's checkpoint valid, and new events sort after the restored ones in $all.
 */
class RestoreProcedureIT {

  private static final String DB = "annals";
  private static final String TENANT = "restored";

  @Test
  void restoredStoreKeepsCheckpointsValidOnceTheEpochIsMovedPastTheDump() throws Exception {
    Path bin = LocalCluster.binaries().orElse(null);
    assumeTrue(bin != null, "needs PostgreSQL's server binaries (apt-get install postgresql)");

    String checkpoint;
    List<String> before;
    Path dump;
    try (LocalCluster source = LocalCluster.create(bin, 7)) {
      prepare(source);
      for (int i = 0; i < 3; i++) {
        append(source, "old-" + i);
      }
      before = readAll(source, 0, 0);
      checkpoint = lastPosition(source);
      dump = source.directory().getParent().resolve("annals-" + UUID.randomUUID() + ".dump");
      source.dump(DB, dump);
    }

    try (LocalCluster target = LocalCluster.create(bin, 0)) {
      try (Connection c = target.connect("postgres", "postgres");
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + DB);
        s.execute("CREATE ROLE annals_app LOGIN"); // the globals: pg_dumpall --globals-only
        s.execute("CREATE ROLE annals_tenancy LOGIN");
      }
      target.restore(DB, dump);
      java.nio.file.Files.delete(dump);

      long maxRestored = maxTransactionId(target);
      assertTrue(
          currentTransactionId(target) < maxRestored,
          "without the procedure, new events would sort before the restored ones");

      target.stop();
      target.resetEpoch((maxRestored >>> 32) + 1);
      target.start();

      String fresh = append(target, "new-0");
      String[] parts = checkpoint.split("-");
      List<String> afterCheckpoint =
          readAll(target, Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      assertEquals(
          List.of(fresh), afterCheckpoint, "a reader holding an old checkpoint sees the new event");
      List<String> everything = readAll(target, 0, 0);
      assertEquals(before, everything.subList(0, before.size()));
      assertEquals(fresh, everything.get(before.size()));
    }
  }

  private static void prepare(LocalCluster cluster) throws Exception {
    try (Connection c = cluster.connect("postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DB);
    }
    PGSimpleDataSource owner = new PGSimpleDataSource();
    owner.setURL(cluster.jdbcUrl(DB));
    owner.setUser("postgres");
    SchemaMigrator migrator = new SchemaMigrator("annals_app", "annals_tenancy");
    try (Connection c = owner.getConnection()) {
      migrator.migratePlatform(c);
      migrator.migrateTenantData(c, "annals");
    }
    try (Connection c = cluster.connect(DB, "postgres");
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO annals.tenants (tenant_id, name) VALUES ('" + TENANT + "', 'R')");
      s.execute("INSERT INTO annals.tenant_gate (tenant_id) VALUES ('" + TENANT + "')");
    }
  }

  /**
   * Appends one event to a new stream as the runtime role, the way the store does (through the
   * append function: the runtime role has no direct writes).
   */
  private static String append(LocalCluster cluster, String stream) throws SQLException {
    String id = UUID.randomUUID().toString();
    try (Connection c = cluster.connect(DB, "annals_app")) {
      c.setAutoCommit(false);
      List<AppendOutcome> outcomes =
          AppendStatement.execute(
              c,
              "annals",
              List.of(
                  new AppendCommand(
                      new TenantId(TENANT),
                      new StreamId(stream),
                      new ExpectedVersion.NoStream(),
                      List.of(new EventRow(id, "E", "{}", "{}")))));
      assertEquals(AppendStatus.OK, outcomes.get(0).status());
      c.commit();
    }
    return id;
  }

  /** $all after a checkpoint, with the store's own query. */
  private static List<String> readAll(LocalCluster cluster, long transactionId, long position)
      throws SQLException {
    try (Connection c = cluster.connect(DB, "annals_app")) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(EventReader.READ_ALL.formatted(Identifiers.quote("annals")))) {
        EventReader.bindReadAll(ps, TENANT, new Checkpoint(transactionId, position), 1000);
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
        c.commit();
        return ids;
      }
    }
  }

  private static String lastPosition(LocalCluster cluster) throws SQLException {
    return single(
        cluster,
        "SELECT transaction_id::text || '-' || global_position FROM annals.events"
            + " ORDER BY transaction_id DESC, global_position DESC LIMIT 1");
  }

  private static long maxTransactionId(LocalCluster cluster) throws SQLException {
    return Long.parseLong(single(cluster, "SELECT max(transaction_id)::text FROM annals.events"));
  }

  private static long currentTransactionId(LocalCluster cluster) throws SQLException {
    return Long.parseLong(single(cluster, "SELECT pg_current_xact_id()::text"));
  }

  private static String single(LocalCluster cluster, String sql) throws SQLException {
    try (Connection c = cluster.connect(DB, "postgres");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
