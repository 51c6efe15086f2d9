package dev.annals.saga.internal.assignment;

import dev.annals.saga.api.RetryBudget;
import dev.annals.saga.api.SagaDefinition;
import dev.annals.saga.api.SagaStep;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The reference saga from the original platform: assign a task to an agent. It reserves the agent,
 * starts the task's run and records evidence of it; when the evidence cannot be recorded within its
 * budget, the run is cancelled and the agent released (in that order). Recording evidence is the
 * last step and has nothing to undo.
 */
@Dependent
public class AssignTaskSaga implements SagaDefinition<Assignment> {

  /** The saga type's name. */
  public static final String TYPE = "assign-task";

  private final AgentRoster roster;
  private final TaskRuns runs;
  private final EvidenceLog evidence;

  /**
   * @param roster the agents
   * @param runs the task runs
   * @param evidence the evidence log
   */
  @Inject
  public AssignTaskSaga(AgentRoster roster, TaskRuns runs, EvidenceLog evidence) {
    this.roster = roster;
    this.runs = runs;
    this.evidence = evidence;
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Class<Assignment> dataType() {
    return Assignment.class;
  }

  @Override
  public Optional<Duration> timeout() {
    return Optional.of(Duration.ofMinutes(10));
  }

  @Override
  public List<SagaStep<Assignment>> steps() {
    return List.of(
        SagaStep.<Assignment>of(
            "reserve-agent",
            (a, context) -> {
              roster.reserve(a.agentId(), a.taskId());
              return a;
            },
            (a, context) -> {
              roster.release(a.agentId(), a.taskId());
              return a;
            }),
        SagaStep.<Assignment>of(
                "start-run",
                (a, context) -> a.withRun(runs.start(a.taskId(), context.idempotencyKey())),
                (a, context) -> {
                  // By key, not by a.runId(): a run whose start timed out is in no data.
                  runs.cancelStartedBy(context.actionKey());
                  return a;
                })
            .timingOutAfter(Duration.ofMinutes(1)),
        SagaStep.<Assignment>withoutCompensation(
                "record-evidence",
                (a, context) ->
                    a.withEvidence(evidence.record(a.runId(), context.idempotencyKey())))
            .retrying(RetryBudget.of(3, Duration.ofMillis(100))));
  }
}
