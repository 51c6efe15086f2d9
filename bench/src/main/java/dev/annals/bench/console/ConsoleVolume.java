package dev.annals.bench.console;

import dev.annals.bench.BenchConfig;
import dev.annals.bench.BenchPasswords;
import dev.annals.bench.http.AnnalsHttp;
import dev.annals.bench.server.BenchDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * The volume the console must stay fast at (issue 15): 10,000 tenants, 1,000,000 events in one
 * tenant and 100,000 dead letters of it (quick mode: 200, 20,000 and 2,000, which check the
 * harness, never speed). Written with SQL as {@link BenchDatabase} seeds streams: set-up, not a
 * measurement. The extra tenants are platform rows only (listed, never opened); the letters belong
 * to ten consumers of the console tenant, one in ten parked behind an open one.
 *
 * @param tenants tenants listed besides the benchmark's own
 * @param events events in the console tenant's one stream
 * @param deadLetters dead letters of the console tenant
 */
public record ConsoleVolume(int tenants, int events, int deadLetters) {

  /** The tenant whose pages are opened. */
  public static final String TENANT = "bench_console";

  /** Its one stream. */
  public static final String STREAM = "console-big";

  private static final Logger LOG = Logger.getLogger(ConsoleVolume.class.getName());

  /**
   * The volume, or the quick run's; {@code -Dbench.console.full=true} seeds the issue's
   * volume in a quick run too (the console's figures at volume without the full run's 20 minutes).
   */
  public static ConsoleVolume of(BenchConfig config) {
    return config.quick() && !Boolean.getBoolean("bench.console.full")
        ? new ConsoleVolume(200, 20_000, 2_000)
        : new ConsoleVolume(10_000, 1_000_000, 100_000);
  }

  /** Creates the console tenant through the API, then writes the volume with SQL. */
  void seed(BenchConfig config, AnnalsHttp http, BenchDatabase db)
      throws IOException, InterruptedException, SQLException {
    LOG.info(() -> "Console volume: " + this);
    http.createTenant(TENANT);
    db.seedStream(TENANT, STREAM, events);
    String url =
        "jdbc:postgresql://" + config.dbHost() + ":" + config.dbPort() + "/" + config.dbName();
    try (Connection c = DriverManager.getConnection(url, config.dbOwner(), BenchPasswords.owner());
        PreparedStatement tenantRows =
            c.prepareStatement(
                """
                INSERT INTO annals.tenants (tenant_id, name)
                SELECT 'console_' || lpad(g::text, 6, '0'), 'Console volume ' || g
                FROM generate_series(1, ?) g
                """);
        PreparedStatement letters =
            c.prepareStatement(
                """
                INSERT INTO annals.dead_letters (tenant_id, consumer_kind, consumer, stream_id,
                    stream_version, event_id, position_tx, position, state, attempts, cause,
                    stack_summary, event, first_failure, last_failure)
                SELECT ?, 'subscription', 'console-hook-' || (g % 10), ?, g, gen_random_uuid(),
                    '1'::xid8, g, CASE WHEN g % 10 = 9 THEN 'parked' ELSE 'open' END, 3,
                    'the receiver answered 500', 'HTTP 500', '{"data":{}}'::jsonb, now(), now()
                FROM generate_series(1, ?) g
                """)) {
      tenantRows.setInt(1, tenants);
      tenantRows.executeUpdate();
      letters.setString(1, TENANT);
      letters.setString(2, STREAM);
      letters.setInt(3, deadLetters);
      letters.executeUpdate();
    }
    db.vacuumAnalyze();
  }
}
