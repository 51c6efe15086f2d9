package dev.annals.saga.api;

import dev.annals.tenancy.api.InvalidRequestException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A saga type's shape as the orchestrator follows it: the type's name, its steps in order and how
 * long the whole saga may take. A saga records the plan it started with in its log, so a running
 * saga finishes with the steps and budgets it began with even when its type is redefined.
 *
 * @param type 1-64 characters of {@code [a-z0-9_.-]}, starting with a letter
 * @param steps 1-50 steps with distinct names
 * @param timeout how long the saga may take from its start, if bounded (1 ms - 30 days)
 */
public record SagaPlan(String type, List<StepPlan> steps, Optional<Duration> timeout) {

  /** The most steps a saga may have. */
  public static final int MAX_STEPS = 50;

  private static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9_.-]{0,63}$");

  /**
   * @throws InvalidRequestException when the type, the steps or the timeout are not valid
   */
  public SagaPlan {
    requireType(type);
    if (steps == null || steps.isEmpty() || steps.size() > MAX_STEPS) {
      throw new InvalidRequestException("A saga has 1-" + MAX_STEPS + " steps");
    }
    steps = List.copyOf(steps);
    Set<String> names = new HashSet<>();
    for (StepPlan step : steps) {
      if (!names.add(step.name())) {
        throw new InvalidRequestException("Step names must be distinct: '" + step.name() + "'");
      }
    }
    if (timeout == null) {
      throw new NullPointerException("timeout");
    }
    timeout.ifPresent(StepPlan::requireTimeout);
  }

  /**
   * Checks a saga type's name.
   *
   * @throws InvalidRequestException when it is not one
   */
  public static String requireType(String type) {
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new InvalidRequestException(
          "Saga type must be 1-64 characters of a-z, 0-9, _ . and -, starting with a letter");
    }
    return type;
  }

  /** The step named {@code name}. */
  public Optional<StepPlan> step(String name) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The position of the step named {@code name}, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
