package dev.annals.saga.internal.assignment;

/**
 * The data of an assignment saga: what is assigned to whom, and what the steps produced.
 *
 * @param taskId the task
 * @param agentId the agent it goes to
 * @param runId the task run the second step started, once it has
 * @param evidenceId the evidence record the third step wrote, once it has
 */
public record Assignment(String taskId, String agentId, String runId, String evidenceId) {

  /** A new assignment before any step. */
  public static Assignment of(String taskId, String agentId) {
    return new Assignment(taskId, agentId, null, null);
  }

  Assignment withRun(String run) {
    return new Assignment(taskId, agentId, run, evidenceId);
  }

  Assignment withEvidence(String evidence) {
    return new Assignment(taskId, agentId, runId, evidence);
  }
}
