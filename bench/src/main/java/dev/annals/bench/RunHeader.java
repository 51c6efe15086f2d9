package dev.annals.bench;

import dev.annals.bench.server.BenchDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The results file's header: the command, the machine, PostgreSQL's settings, the durations. */
final class RunHeader {

  private RunHeader() {}

  static Map<String, String> of(
      BenchConfig config,
      BenchDatabase db,
      String started,
      String loadBefore,
      String pgbenchVersion,
      String wrkVersion)
      throws SQLException {
    Map<String, String> h = new LinkedHashMap<>();
    String command =
        config.command()
            + (config.floorOnly() ? " -Dbench.floorOnly=true" : "")
            + (config.deliveryOnly() ? " -Dbench.deliveryOnly=true" : "")
            + (config.catchUpOnly() ? " -Dbench.catchUpOnly=true" : "");
    h.put("command", "`" + command + "`" + (config.quick() ? " (quick mode)" : ""));
    h.put("started", started);
    Machine.facts(config.wlpDir()).forEach(h::put);
    Map<String, String> pg = db.facts();
    h.put(
        "PostgreSQL",
        pg.get("server_version")
            + " at "
            + config.dbHost()
            + ":"
            + config.dbPort()
            + ", database `"
            + config.dbName()
            + "`, shared_buffers "
            + pg.get("shared_buffers")
            + ", max_connections "
            + pg.get("max_connections")
            + ", autovacuum "
            + pg.get("autovacuum")
            + " (the harness runs ANALYZE and CHECKPOINT before each side)");
    h.put(
        "durability",
        "fsync="
            + pg.get("fsync")
            + ", synchronous_commit="
            + pg.get("synchronous_commit")
            + ", full_page_writes="
            + pg.get("full_page_writes")
            + ", wal_sync_method="
            + pg.get("wal_sync_method"));
    h.put("pgbench", pgbenchVersion);
    h.put("wrk", wrkVersion);
    h.put("durations", durations(config));
    h.put("load average (1, 5, 15 min)", "before " + loadBefore + "; after " + Machine.load());
    return h;
  }

  private static String durations(BenchConfig config) {
    if (config.deliveryOnly() || config.catchUpOnly()) {
      return "no server warm-up: each measured run follows unmeasured runs of the same kind";
    }
    if (config.floorOnly()) {
      return "server warm-up "
          + seconds(config.serverWarmup())
          + " (every wrk request in turn, three rounds, unmeasured), then wrk warm-up "
          + seconds(config.wrkWarmup())
          + ", then measured "
          + seconds(config.wrkDuration())
          + " per request (no other workload ran on this server)";
    }
    return "server warm-up "
        + seconds(config.serverWarmup())
        + " (every workload, EJB and HTTP, unmeasured), then warm-up "
        + seconds(config.warmup())
        + ", measured "
        + seconds(config.duration())
        + " per point"
        + (config.quick() ? " (pgbench: fixed transaction counts)" : "");
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
