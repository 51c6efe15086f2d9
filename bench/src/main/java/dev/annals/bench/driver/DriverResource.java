package dev.annals.bench.driver;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The trigger: runs a workload with K container threads for a warm-up and a measured window inside
 * the server, and answers with latency percentiles and throughput. The benchmark's client only
 * starts runs and reads results, so none of its own overhead is measured.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DriverResource {

  private static final Logger LOG = Logger.getLogger(DriverResource.class.getName());
  private static final int MAX_CONCURRENCY = 256;

  @EJB DriverWorkers workers;

  /** Stores a snapshot of a seeded workflow of the read tenant at a version. */
  @POST
  @Path("workflow-snapshots")
  public String snapshotWorkflow(@QueryParam("id") String id, @QueryParam("version") long version) {
    if (id == null || version < 1) {
      throw new BadRequestException("id and version are required");
    }
    workers.snapshotWorkflow(id, version);
    return "{\"version\":" + version + "}";
  }

  /** Runs a workload; the call returns when the measured window is over. */
  @POST
  @Path("runs")
  public RunResult run(
      @QueryParam("workload") Workload workload,
      @QueryParam("concurrency") int concurrency,
      @QueryParam("warmupMs") long warmupMs,
      @QueryParam("durationMs") long durationMs)
      throws InterruptedException {
    if (workload == null || concurrency < 1 || concurrency > MAX_CONCURRENCY || durationMs < 1) {
      throw new BadRequestException("workload, concurrency 1-256 and durationMs are required");
    }
    long warmupEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, warmupMs));
    long end = warmupEnd + TimeUnit.MILLISECONDS.toNanos(durationMs);
    List<Future<WorkerTally>> running = new ArrayList<>(concurrency);
    for (int i = 0; i < concurrency; i++) {
      running.add(workers.work(workload, warmupEnd, end));
    }
    WorkerTally total = new WorkerTally();
    for (Future<WorkerTally> f : running) {
      try {
        total.add(f.get());
      } catch (ExecutionException e) {
        LOG.warning(() -> "A driver worker failed: " + e.getCause());
        total.failed(new IllegalStateException(e.getCause()));
      }
    }
    return new RunResult(
        "ejb",
        workload,
        concurrency,
        total.operations,
        total.events,
        total.errors,
        total.seconds(),
        total.latencies.percentileMillis(50),
        total.latencies.percentileMillis(99),
        total.firstError);
  }
}
