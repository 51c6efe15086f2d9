package dev.annals.bench;

import dev.annals.bench.http.Wrk;
import dev.annals.bench.http.WrkRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The per-request floor with wrk: the load generator, its server warm-up, and the measured runs.
 */
final class FloorRun {

  private static final Logger LOG = Logger.getLogger(FloorRun.class.getName());

  private final BenchConfig config;

  FloorRun(BenchConfig config) {
    this.config = config;
  }

  /** wrk against {@code base}, sending {@code headers} (the workloads' token) with each request. */
  Wrk wrk(java.net.URI base, Map<String, String> headers) {
    return new Wrk(
        config.wrk(),
        base,
        config.workDir().resolve("wrk"),
        config.wrkConnections(),
        BenchConfig.WRK_THREADS,
        headers);
  }

  /**
   * The per-request floor: each request with wrk, the floor (a bare JAX-RS GET) first and appends
   * last, so the reads are not measured on a table that appends just grew.
   */
  List<Wrk.Result> measure(Wrk wrk) throws IOException, InterruptedException {
    List<Wrk.Result> results = new ArrayList<>();
    for (WrkRequest request : WrkRequest.values()) {
      if (!config.wrkWarmup().isZero()) {
        LOG.info(() -> "wrk warm-up: " + request.label());
        wrk.run(request, config.wrkWarmup());
      }
      LOG.info(() -> "wrk: " + request.label());
      results.add(wrk.run(request, config.wrkDuration()));
    }
    return results;
  }

  /**
   * The floor-only run's server warm-up: every wrk request in turn, three rounds, for the server
   * warm-up's length. Without it the first requests were measured while C2 was still compiling (a
   * 1-event read went 650, 1,230, 2,090 and then 2,580 req/s in consecutive runs on a fresh
   * server), and the floor file reported a JIT's progress rather than a steady state.
   */
  void warmUp(Wrk wrk) throws IOException, InterruptedException {
    if (config.serverWarmup().isZero()) {
      return;
    }
    int rounds = 3;
    Duration each = config.serverWarmup().dividedBy((long) rounds * WrkRequest.values().length);
    LOG.info(() -> "Warming the server up for " + config.serverWarmup() + " with wrk");
    for (int round = 0; round < rounds; round++) {
      for (WrkRequest request : WrkRequest.values()) {
        wrk.run(request, each);
      }
    }
  }
}
