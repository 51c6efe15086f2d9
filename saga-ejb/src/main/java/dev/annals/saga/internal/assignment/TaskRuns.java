package dev.annals.saga.internal.assignment;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-in for the platform's task runs: starting is idempotent by key (the same key returns the
 * run it started), cancelling a run twice is harmless.
 */
@ApplicationScoped
public class TaskRuns {

  /** A run's state. */
  public enum RunState {
    RUNNING,
    CANCELLED
  }

  private final Map<String, String> runByKey = new ConcurrentHashMap<>();
  private final Map<String, RunState> states = new ConcurrentHashMap<>();

  /** Starts a run of the task, or returns the one this key started. */
  public String start(String taskId, String idempotencyKey) {
    return runByKey.computeIfAbsent(
        idempotencyKey,
        key -> {
          String run = "run-" + taskId + "-" + (states.size() + 1);
          states.put(run, RunState.RUNNING);
          return run;
        });
  }

  /** Cancels the run the key started, if it started one. */
  public void cancelStartedBy(String idempotencyKey) {
    Optional.ofNullable(runByKey.get(idempotencyKey)).ifPresent(this::cancel);
  }

  /** Cancels the run; an unknown or cancelled run stays as it is. */
  public void cancel(String runId) {
    states.computeIfPresent(runId, (run, state) -> RunState.CANCELLED);
  }

  /** The run's state. */
  public Optional<RunState> state(String runId) {
    return Optional.ofNullable(states.get(runId));
  }

  /** How many runs were ever started. */
  public int started() {
    return states.size();
  }
}
