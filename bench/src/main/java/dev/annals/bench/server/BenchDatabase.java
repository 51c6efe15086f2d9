package dev.annals.bench.server;

import dev.annals.bench.BenchConfig;
import dev.annals.bench.BenchPasswords;
import dev.annals.bench.driver.Payload;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The benchmark database on the one PostgreSQL server both sides use. It is dropped and created
 * fresh by every run; Annals migrates it at start-up, and the raw side then writes to the very
 * tables Annals created, so both sides pay for the same indexes, constraints and RLS policies.
 */
public final class BenchDatabase {

  /**
   * Connections the bench server may hold while pgbench runs: its runtime (20), reads (20), tenancy
   * (4) and grouped (4) pools at server.xml's defaults, and the bench tenants' leases.
   */
  static final int SERVER_CONNECTIONS = 60;

  private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{2,62}$");

  private final BenchConfig config;

  public BenchDatabase(BenchConfig config) {
    this.config = config;
    if (!NAME.matcher(config.dbName()).matches()) {
      throw new IllegalArgumentException(
          "Database name must match " + NAME + ": " + config.dbName());
    }
  }

  /** Drops the benchmark database (closing its connections) and creates it empty. */
  public void recreate() throws SQLException {
    String maintenance =
        "jdbc:postgresql://" + config.dbHost() + ":" + config.dbPort() + "/postgres";
    try (Connection c =
            DriverManager.getConnection(maintenance, config.dbOwner(), BenchPasswords.owner());
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS \"" + config.dbName() + "\" WITH (FORCE)");
      s.execute("CREATE DATABASE \"" + config.dbName() + "\"");
    }
  }

  /**
   * Fails at once, before minutes of work, when the server cannot take {@code clients} pgbench
   * connections beside the bench server's pools ({@link #SERVER_CONNECTIONS}): a full run's
   * 64-client point then died late with "remaining connection slots are reserved" (Debian's default
   * is 100).
   */
  public void requireConnections(int clients) throws SQLException {
    int needed = clients + SERVER_CONNECTIONS;
    try (Connection c = owner();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW max_connections")) {
      rs.next();
      int max = rs.getInt(1);
      if (max < needed) {
        throw new IllegalStateException(
            "PostgreSQL at "
                + config.dbHost()
                + ":"
                + config.dbPort()
                + " allows "
                + max
                + " connections; this run needs about "
                + needed
                + " ("
                + clients
                + " pgbench clients and the servers' pools): ALTER SYSTEM SET max_connections = 300,"
                + " then restart it (bench/README.md)");
      }
    }
  }

  /** Server facts for the results: version and the durability settings. */
  public Map<String, String> facts() throws SQLException {
    Map<String, String> facts = new LinkedHashMap<>();
    try (Connection c = owner();
        Statement s = c.createStatement()) {
      for (String setting :
          List.of(
              "server_version",
              "fsync",
              "synchronous_commit",
              "full_page_writes",
              "wal_sync_method",
              "shared_buffers",
              "autovacuum",
              "max_connections")) {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
          rs.next();
          facts.put(setting, rs.getString(1));
        }
      }
    }
    return facts;
  }

  /**
   * Writes a stream of {@code events} benchmark events, {@link Payload#PAGE} per transaction, rows
   * exactly as an Annals append of that many events stores them (same columns, payload, metadata,
   * append bookkeeping and stream row). Direct SQL instead of the API: seeding is set-up, not a
   * measurement, and the server's appends would make it slower by a factor of ten.
   */
  public void seedStream(String tenant, String stream, int events) throws SQLException {
    seedStream(tenant, stream, events, Payload.EVENT_TYPE, 1);
  }

  /** Seeds a stream of {@code events} events of {@code type} stored at {@code schemaVersion}. */
  public void seedStream(String tenant, String stream, int events, String type, int schemaVersion)
      throws SQLException {
    seed(tenant, stream, events, "?::text, " + schemaVersion + ", ?::jsonb", type, Payload.DATA);
  }

  /**
   * Seeds the research workflow {@code id}: created, started, then steps completed up to {@code
   * events} events, as its aggregate stores them.
   */
  public void seedWorkflow(String tenant, String id, int events) throws SQLException {
    seed(
        tenant,
        "workflow-" + id,
        events,
        "CASE g WHEN 1 THEN 'WorkflowCreated' WHEN 2 THEN 'WorkflowStarted'"
            + " ELSE 'WorkflowStepCompleted' END || ?, 1,"
            + " CASE g WHEN 1 THEN '{\"title\":\"Soil\",\"question\":\"Does it drain?\","
            + "\"methodology\":\"Dig\"}'::jsonb WHEN 2 THEN '{}'::jsonb"
            + " ELSE jsonb_build_object('name', 'step ' || g) END || ?::jsonb",
        "",
        "{}");
  }

  /**
   * Inserts a stream's events in pages of {@link Payload#PAGE}; {@code typeVersionData} are the
   * select's event type, schema version and data expressions (two bound parameters: {@code
   * typeParameter} and {@code dataParameter}).
   */
  private void seed(
      String tenant,
      String stream,
      int events,
      String typeVersionData,
      String typeParameter,
      String dataParameter)
      throws SQLException {
    String events100 =
        """
        INSERT INTO annals.events (tenant_id, stream_id, stream_version, event_id, event_type,
                                   schema_version, data, metadata, append_index, append_count)
        SELECT ?, ?, g, gen_random_uuid(), %s, ?::jsonb, g - ?, ?
        FROM generate_series(?::bigint, ?::bigint) g
        """
            .formatted(typeVersionData);
    try (Connection c = owner();
        PreparedStatement streamRow =
            c.prepareStatement(
                "INSERT INTO annals.streams (tenant_id, stream_id, version) VALUES (?, ?, ?)");
        PreparedStatement rows = c.prepareStatement(events100)) {
      streamRow.setString(1, tenant);
      streamRow.setString(2, stream);
      streamRow.setLong(3, events);
      streamRow.executeUpdate();
      for (long first = 1; first <= events; first += Payload.PAGE) {
        long last = Math.min(events, first + Payload.PAGE - 1);
        rows.setString(1, tenant);
        rows.setString(2, stream);
        rows.setString(3, typeParameter);
        rows.setString(4, dataParameter);
        rows.setString(5, Payload.METADATA);
        rows.setLong(6, first);
        rows.setLong(7, last - first + 1);
        rows.setLong(8, first);
        rows.setLong(9, last);
        rows.executeUpdate();
      }
    }
  }

  /**
   * Lets {@code role} insert events and stream rows with plain SQL in the benchmark's own database,
   * as the raw side does. Annals' runtime role may not (it appends only through the append
   * function, which runs as the owner): the raw baseline keeps running as the same role, under the
   * same Row-Level Security, rather than as a superuser that bypasses it.
   */
  public void grantRawWrites(String role) throws SQLException {
    if (!NAME.matcher(role).matches()) {
      throw new IllegalArgumentException("Role name must match " + NAME + ": " + role);
    }
    try (Connection c = owner();
        Statement s = c.createStatement()) {
      s.execute("GRANT INSERT ON annals.events, annals.streams TO \"" + role + "\"");
    }
  }

  /** Fresh statistics and a visibility map after seeding, so both sides read with good plans. */
  public void vacuumAnalyze() throws SQLException {
    try (Connection c = owner();
        Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE annals.events");
      s.execute("VACUUM ANALYZE annals.streams");
    }
  }

  /**
   * Prepares the server for a measured point: fresh planner statistics (earlier points add hundreds
   * of thousands of rows in minutes, and a server with autovacuum off would otherwise plan the
   * idempotency lookup for an empty tenant and scan the whole tenant on every append), then a
   * checkpoint, so no point pays for an earlier one's dirty pages.
   */
  public void analyzeAndCheckpoint() throws SQLException {
    try (Connection c = owner();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE annals.events");
      s.execute("ANALYZE annals.streams");
      s.execute("CHECKPOINT");
    }
  }

  /**
   * Where each page of the tenant's $all starts: the checkpoint of every {@code page}-th event in
   * $all order, after the start ({@code 0, 0}). The raw side pages with these, as a reader that
   * carries the checkpoint from page to page would.
   */
  public List<String[]> allPageStarts(String tenant, int page) throws SQLException {
    List<String[]> starts = new ArrayList<>();
    starts.add(new String[] {"0", "0"});
    String sql =
        """
        SELECT tx, pos FROM (
          SELECT transaction_id::text AS tx, global_position AS pos,
                 row_number() OVER (ORDER BY transaction_id, global_position) AS n
          FROM annals.events WHERE tenant_id = ?) numbered
        WHERE n % ? = 0 ORDER BY n
        """;
    try (Connection c = owner();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant);
      ps.setInt(2, page);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          starts.add(new String[] {rs.getString(1), Long.toString(rs.getLong(2))});
        }
      }
    }
    return starts;
  }

  /** Events stored for a tenant. */
  public long eventCount(String tenant) throws SQLException {
    try (Connection c = owner();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM annals.events WHERE tenant_id = ?")) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Pages the tenant's $all from the start as a subscription reads it (the {@code read_all}
   * function: below the oldest open transaction, in (transaction id, position) order, {@code page}
   * events a call, every column read), doing nothing with them; returns how many there were.
   */
  public long scanAll(String tenant, int page) throws SQLException {
    long events = 0;
    String tx = "0";
    long position = 0;
    try (Connection c = owner();
        PreparedStatement ps =
            c.prepareStatement("SELECT * FROM annals.read_all(?, ?::xid8, ?, ?)")) {
      while (true) {
        ps.setString(1, tenant);
        ps.setString(2, tx);
        ps.setLong(3, position);
        ps.setInt(4, page);
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            for (int i = 1; i <= 9; i++) {
              rs.getString(i); // every column read, as a subscription's reader does
            }
            tx = rs.getString("transaction_id");
            position = rs.getLong("global_position");
            n++;
          }
        }
        events += n;
        if (n < page) {
          return events;
        }
      }
    }
  }

  private Connection owner() throws SQLException {
    return DriverManager.getConnection(config.jdbcUrl(), config.dbOwner(), BenchPasswords.owner());
  }
}
