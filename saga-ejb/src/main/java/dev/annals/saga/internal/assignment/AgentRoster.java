package dev.annals.saga.internal.assignment;

import dev.annals.saga.api.StepRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-in for the platform's agent roster: an agent works on one task at a time. Reserving is
 * idempotent per task (a repeated reservation for the same task changes nothing); reserving an
 * agent busy with another task is refused.
 */
@ApplicationScoped
public class AgentRoster {

  private final Map<String, String> taskByAgent = new ConcurrentHashMap<>();

  /**
   * Reserves the agent for the task.
   *
   * @throws StepRefusedException when the agent works on another task
   */
  public void reserve(String agentId, String taskId) {
    String holder = taskByAgent.putIfAbsent(agentId, taskId);
    if (holder != null && !holder.equals(taskId)) {
      throw new StepRefusedException("Agent " + agentId + " works on task " + holder);
    }
  }

  /** Frees the agent if the task holds it; nothing otherwise (releasing twice is harmless). */
  public void release(String agentId, String taskId) {
    taskByAgent.remove(agentId, taskId);
  }

  /** The task the agent works on. */
  public Optional<String> taskOf(String agentId) {
    return Optional.ofNullable(taskByAgent.get(agentId));
  }
}
