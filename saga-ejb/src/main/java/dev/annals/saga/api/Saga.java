package dev.annals.saga.api;

import dev.annals.eventstore.api.aggregate.Aggregate;
import dev.annals.saga.api.SagaAction.Compensate;
import dev.annals.saga.api.SagaAction.RunStep;
import dev.annals.saga.api.SagaAction.TimeOut;
import dev.annals.saga.api.SagaEvent.Cancelled;
import dev.annals.saga.api.SagaEvent.Compensated;
import dev.annals.saga.api.SagaEvent.CompensationBegan;
import dev.annals.saga.api.SagaEvent.CompensationFailed;
import dev.annals.saga.api.SagaEvent.CompensationStarted;
import dev.annals.saga.api.SagaEvent.CompensationSucceeded;
import dev.annals.saga.api.SagaEvent.Completed;
import dev.annals.saga.api.SagaEvent.Failed;
import dev.annals.saga.api.SagaEvent.Retried;
import dev.annals.saga.api.SagaEvent.Started;
import dev.annals.saga.api.SagaEvent.StepFailed;
import dev.annals.saga.api.SagaEvent.StepStarted;
import dev.annals.saga.api.SagaEvent.StepSucceeded;
import dev.annals.saga.api.SagaEvent.TimedOut;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One saga instance: the orchestration state machine, folded from its log. The executor asks {@link
 * #next} what to do, does it (runs an action, waits, fires a deadline) and reports the outcome
 * through a command here, which checks it against the state and raises the log events; saving them
 * with the loaded version as the expected version is what lets exactly one node advance a saga. A
 * step that fails for good, a deadline or a cancel starts compensation: every step that succeeded,
 * and every compensable step whose outcome is unknown (its attempt was running), is undone in
 * reverse order, each retried within its step's budget; one that exhausts it leaves the saga {@code
 * compensation_failed} until an operator retries it.
 */
public final class Saga extends Aggregate<SagaEvent> {

  private final SagaProgress p = new SagaProgress();
  private final SagaAgenda agenda = new SagaAgenda(id(), p);

  /**
   * @param id the saga's id
   */
  public Saga(SagaId id) {
    super(id.value());
  }

  /**
   * Starts a saga on a blank instance.
   *
   * @param plan the steps it will follow
   * @param data its data
   * @param correlationId the correlation id its steps carry
   * @param now the time
   * @throws IllegalStateException when this saga has started already
   */
  public void start(SagaPlan plan0, JsonObject data0, String correlation, Instant now) {
    if (p.state != null) {
      throw new IllegalStateException("Saga " + id() + " has started already");
    }
    Optional<Instant> sagaDeadline = plan0.timeout().map(now::plus);
    raise(new Started(plan0, data0, correlation, sagaDeadline, now));
  }

  /**
   * What the saga needs done next at {@code now}.
   *
   * @throws IllegalStateException when the saga has not started
   */
  public SagaAction next(Instant now) {
    agenda.requireStarted();
    return agenda.next(now);
  }

  /**
   * Records that an attempt of a step begins, as {@link #next} asked.
   *
   * @param step the step's name
   * @param attempt the attempt {@link #next} gave
   * @param now the time
   * @throws IllegalStateException when that is not what the saga needs now
   */
  public void stepStarting(String step, int attempt, Instant now) {
    SagaAction action = next(now);
    if (!(action instanceof RunStep run) || !run.step().equals(step) || run.attempt() != attempt) {
      throw new IllegalStateException("Saga " + id() + " does not run " + step + " #" + attempt);
    }
    StepProgress progress = p.progress(step);
    Optional<Instant> stepDeadline =
        progress.deadline.isPresent() ? progress.deadline : progress.plan.timeout().map(now::plus);
    raise(new StepStarted(step, attempt, stepDeadline, now));
  }

  /**
   * Records an attempt's success and the data after it; completes the saga after its last step.
   *
   * @throws IllegalStateException when that attempt is not the one running (a late outcome)
   */
  public void stepSucceeded(String step, int attempt, JsonObject newData, Instant now) {
    agenda.running(step, attempt);
    raise(new StepSucceeded(step, attempt, Objects.requireNonNull(newData, "newData"), now));
    if (p.steps.stream().allMatch(s -> s.state == StepState.SUCCEEDED)) {
      raise(new Completed(now));
    }
  }

  /**
   * Records an attempt's failure: another attempt after a backoff when the failure is transient and
   * the budget allows it, otherwise the step fails for good and compensation begins.
   *
   * @param retriable whether another attempt could succeed (a 5xx, a timeout), not a refusal
   * @param jitter a random number in [0, 1) for the backoff
   * @throws IllegalStateException when that attempt is not the one running (a late outcome)
   */
  public void stepFailed(
      String step, int attempt, String error, boolean retriable, Instant now, double jitter) {
    StepProgress progress = agenda.running(step, attempt);
    if (retriable && progress.plan.retry().allowsAfter(attempt)) {
      Instant retryAt = now.plus(progress.plan.retry().delayBefore(attempt + 1, jitter));
      raise(new StepFailed(step, attempt, error, Optional.of(retryAt), now));
      return;
    }
    raise(new StepFailed(step, attempt, error, Optional.empty(), now));
    undo(false, "step '" + step + "' failed: " + error, now);
  }

  /**
   * Records that the saga's or the current step's deadline passed, and begins compensation.
   *
   * @throws IllegalStateException when no deadline has passed
   */
  public void timedOut(Instant now) {
    if (!(next(now) instanceof TimeOut)) {
      throw new IllegalStateException("No deadline of saga " + id() + " has passed");
    }
    if (p.deadline.isPresent() && !now.isBefore(p.deadline.get())) {
      raise(new TimedOut(Optional.empty(), now));
      undo(false, "the saga timed out", now);
      return;
    }
    String step = p.current().plan.name();
    raise(new TimedOut(Optional.of(step), now));
    undo(false, "step '" + step + "' timed out", now);
  }

  /**
   * Cancels a running saga: its finished steps are undone and it ends {@code cancelled}.
   *
   * @throws dev.annals.eventstore.api.aggregate.BusinessRuleViolationException when it is not
   *     running
   */
  public void cancel(Instant now) {
    agenda.requireStarted();
    require(
        p.state == SagaState.RUNNING,
        "cancel-running-only",
        "Only a running saga can be cancelled; this one is " + p.state.wireName());
    undo(true, "cancelled", now);
  }

  /**
   * Records that an attempt of a compensation begins, as {@link #next} asked.
   *
   * @throws IllegalStateException when that is not what the saga needs now
   */
  public void compensationStarting(String step, int attempt, Instant now) {
    SagaAction action = next(now);
    if (!(action instanceof Compensate c) || !c.step().equals(step) || c.attempt() != attempt) {
      throw new IllegalStateException(
          "Saga " + id() + " does not compensate " + step + " #" + attempt);
    }
    raise(new CompensationStarted(step, attempt, now));
  }

  /**
   * Records a compensation's success; ends the saga when nothing is left to undo.
   *
   * @throws IllegalStateException when that attempt is not the one running (a late outcome)
   */
  public void compensationSucceeded(String step, int attempt, Instant now) {
    agenda.compensating(step, attempt);
    raise(new CompensationSucceeded(step, attempt, now));
    if (p.nextToUndo().isEmpty()) {
      raise(p.cancelled ? new Cancelled(now) : new Compensated(now));
    }
  }

  /**
   * Records a compensation's failure: retried within the step's budget, then the saga waits as
   * {@code compensation_failed} (the executor dead-letters it) for an operator's {@link #retry}.
   *
   * @param jitter a random number in [0, 1) for the backoff
   * @throws IllegalStateException when that attempt is not the one running (a late outcome)
   */
  public void compensationFailed(
      String step, int attempt, String error, Instant now, double jitter) {
    StepProgress progress = agenda.compensating(step, attempt);
    Optional<Instant> retryAt =
        progress.plan.retry().allowsAfter(attempt)
            ? Optional.of(now.plus(progress.plan.retry().delayBefore(attempt + 1, jitter)))
            : Optional.empty();
    raise(new CompensationFailed(step, attempt, error, retryAt, now));
  }

  /**
   * Tries again with fresh budgets: a failed saga runs its failed step again; a saga whose
   * compensation failed runs that compensation again.
   *
   * @throws dev.annals.eventstore.api.aggregate.BusinessRuleViolationException in any other state
   */
  public void retry(Instant now) {
    agenda.requireStarted();
    require(
        p.state == SagaState.FAILED || p.state == SagaState.COMPENSATION_FAILED,
        "retry-after-failure",
        "Only a failed saga or one whose compensation failed can be retried; this one is "
            + p.state.wireName());
    raise(new Retried(p.plan.timeout().map(now::plus), now));
  }

  private void undo(boolean byCancel, String reason, Instant now) {
    if (p.steps.stream().anyMatch(StepProgress::needsUndo)) {
      raise(new CompensationBegan(byCancel, reason, now));
    } else if (byCancel) {
      raise(new Cancelled(now));
    } else {
      raise(new Failed(reason, now));
    }
  }

  @Override
  protected void apply(SagaEvent event) {
    p.apply(event);
  }

  /** The saga's state; throws before it started. */
  public SagaState state() {
    agenda.requireStarted();
    return p.state;
  }

  /** Whether the saga has started (its log is not empty). */
  public boolean started() {
    return p.state != null;
  }

  /** The plan it follows. */
  public SagaPlan plan() {
    agenda.requireStarted();
    return p.plan;
  }

  /** Its data as the last succeeded step left it. */
  public JsonObject data() {
    agenda.requireStarted();
    return p.data;
  }

  /** The correlation id its steps carry. */
  public String correlationId() {
    agenda.requireStarted();
    return p.correlationId;
  }

  /** When it started. */
  public Instant startedAt() {
    agenda.requireStarted();
    return p.startedAt;
  }

  /** When it reached its current final or failed state. */
  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(p.finishedAt);
  }

  /** Why it is compensating, compensated, failed or cancelled. */
  public Optional<String> failure() {
    return Optional.ofNullable(p.failure);
  }

  /** The whole saga's deadline, if bounded. */
  public Optional<Instant> deadline() {
    return p.deadline;
  }

  /** Its steps in order, as callers see them. */
  public List<StepStatus> steps() {
    return p.steps.stream().map(StepProgress::status).toList();
  }

  /**
   * The earliest time at which {@link #next} may change without an outcome being reported: a
   * retry's due time or a deadline; empty when only an outcome or an operator moves the saga.
   */
  public Optional<Instant> wakeAt(Instant now) {
    agenda.requireStarted();
    return agenda.wakeAt(now);
  }
}
