package dev.annals.bench.report;

import dev.annals.bench.driver.RunResult;
import dev.annals.bench.driver.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every measured point of one run, and the hold test.
 *
 * @param points raw, EJB and HTTP results of each workload and concurrency
 * @param hold the many-clients HTTP hold test
 */
public record Measurements(List<RunResult> points, RunResult hold) {

  /** Copies the list. */
  public Measurements {
    points = List.copyOf(points);
  }

  /** The point of one side, workload and concurrency. */
  public Optional<RunResult> find(String side, Workload workload, int concurrency) {
    return points.stream()
        .filter(r -> r.side().equals(side))
        .filter(r -> r.workload() == workload && r.concurrency() == concurrency)
        .findFirst();
  }

  /** All results, the hold test last (when there was one). */
  public List<RunResult> all() {
    List<RunResult> all = new ArrayList<>(points);
    if (hold != null) {
      all.add(hold);
    }
    return all;
  }
}
