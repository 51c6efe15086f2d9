package dev.annals.saga.internal.execution;

import dev.annals.saga.api.Saga;
import dev.annals.saga.api.SagaAction;
import dev.annals.saga.api.SagaAction.Compensate;
import dev.annals.saga.api.SagaAction.Idle;
import dev.annals.saga.api.SagaAction.RunStep;
import dev.annals.saga.api.SagaAction.TimeOut;
import dev.annals.saga.api.SagaAction.WaitUntil;
import dev.annals.saga.api.SagaId;
import dev.annals.saga.api.SagaState;
import dev.annals.saga.api.StepContext;
import dev.annals.saga.internal.execution.StepOutcome.Failed;
import dev.annals.saga.internal.execution.StepOutcome.Succeeded;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Drives a saga one action at a time, each in transactions of its own: load the saga, ask it what
 * to do, record that the attempt starts, run it, record the outcome. A transactional (Java) step
 * runs inside the transaction that records its success, so a failed or late attempt rolls its own
 * writes back and its failure is recorded in another transaction; any other step runs outside any
 * transaction. A node that stops mid-attempt leaves it started: the next run resumes the same
 * attempt under the same idempotency key, or, when a deadline passed meanwhile, undoes it with the
 * finished steps (its outcome is unknown). A save that finds the log grown (another node, an
 * operator) drops what this run decided and starts over from the log.
 */
public final class SagaRunner {

  /** Actions one {@link #advance} takes at most before it lets others have the thread. */
  static final int MAX_ACTIONS = 1_000;

  /**
   * Where a saga came to rest.
   *
   * @param state its state
   * @param wakeAt when it needs running again by itself (a retry or a deadline), if ever
   */
  public record Rest(SagaState state, Optional<Instant> wakeAt) {}

  private final SagaLog log;
  private final Transactions transactions;
  private final Function<String, SagaSteps> stepsOfType;
  private final Clock clock;
  private final DoubleSupplier jitter;

  /**
   * @param log where sagas live
   * @param transactions new transactions
   * @param stepsOfType a saga type's step invokers by its name
   * @param clock the time
   * @param jitter random numbers in [0, 1) for backoffs
   */
  public SagaRunner(
      SagaLog log,
      Transactions transactions,
      Function<String, SagaSteps> stepsOfType,
      Clock clock,
      DoubleSupplier jitter) {
    this.log = log;
    this.transactions = transactions;
    this.stepsOfType = stepsOfType;
    this.clock = clock;
    this.jitter = jitter;
  }

  /**
   * Runs the saga until it rests: final, failed, or waiting for a time.
   *
   * @throws IllegalArgumentException when there is no such saga
   */
  public Rest advance(SagaId id) {
    for (int i = 0; i < MAX_ACTIONS; i++) {
      Optional<Rest> rest = advanceOnce(id);
      if (rest.isPresent()) {
        return rest.get();
      }
    }
    return new Rest(load(id).state(), Optional.of(clock.instant()));
  }

  /**
   * Takes the saga's next action.
   *
   * @return where it rests, or empty when another action may follow at once
   */
  public Optional<Rest> advanceOnce(SagaId id) {
    try {
      Decision decision =
          transactions.inNew(
              () -> {
                Saga saga = load(id);
                Instant now = clock.instant();
                SagaAction action = saga.next(now);
                if (action instanceof TimeOut) {
                  saga.timedOut(now);
                  log.save(saga);
                  return new Decision(action, saga.plan().type(), Optional.empty());
                }
                Optional<Rest> rest =
                    action instanceof Idle || action instanceof WaitUntil
                        ? Optional.of(new Rest(saga.state(), saga.wakeAt(now)))
                        : Optional.empty();
                return new Decision(action, saga.plan().type(), rest);
              });
      if (decision.rest().isPresent()) {
        return decision.rest();
      }
      if (decision.action() instanceof RunStep run) {
        attempt(id, decision, run.step(), run.attempt(), run.idempotencyKey(), false);
      } else if (decision.action() instanceof Compensate c) {
        attempt(id, decision, c.step(), c.attempt(), c.idempotencyKey(), true);
      }
    } catch (SagaMovedOnException e) {
      // Another node or an operator acted first: decide again from the log.
    }
    return Optional.empty();
  }

  private void attempt(
      SagaId id, Decision decision, String step, int attempt, String key, boolean compensating) {
    Started started =
        transactions.inNew(
            () -> {
              Saga saga = expecting(id, decision.action());
              begin(saga, step, attempt, compensating);
              log.save(saga);
              return new Started(saga.data(), context(saga, step, attempt, key, compensating));
            });
    SagaSteps steps = stepsOfType.apply(decision.type());
    Optional<StepInvoker> invoker =
        steps == null
            ? Optional.empty()
            : compensating ? steps.compensation(step) : steps.action(step);
    if (invoker.isEmpty()) {
      String missing = "saga type '" + decision.type() + "' has no " + step + " any more";
      record(id, step, attempt, compensating, new Failed(missing, false));
    } else if (invoker.get().transactional()) {
      try {
        transactions.inNew(
            () -> {
              Saga saga = load(id);
              StepOutcome outcome = invoker.get().invoke(saga.data(), started.context());
              if (outcome instanceof Failed failed) {
                throw new AttemptFailedException(failed);
              }
              if (!reported(saga, step, attempt, compensating, outcome)) {
                throw new AttemptFailedException(null); // too late: roll its effects back
              }
              log.save(saga);
              return null;
            });
      } catch (AttemptFailedException e) {
        if (e.outcome != null) {
          record(id, step, attempt, compensating, e.outcome);
        }
      }
    } else {
      StepOutcome outcome = invoker.get().invoke(started.data(), started.context());
      record(id, step, attempt, compensating, outcome);
    }
  }

  private void record(
      SagaId id, String step, int attempt, boolean compensating, StepOutcome outcome) {
    transactions.inNew(
        () -> {
          Saga saga = load(id);
          if (reported(saga, step, attempt, compensating, outcome)) {
            log.save(saga);
          }
          return null;
        });
  }

  /**
   * Reports an outcome to the saga; false when it comes too late to count (the saga moved on:
   * cancelled, or a deadline passed, which the next action then records).
   */
  private boolean reported(
      Saga saga, String step, int attempt, boolean compensating, StepOutcome outcome) {
    if (saga.next(clock.instant()) instanceof TimeOut) {
      return false;
    }
    try {
      report(saga, step, attempt, compensating, outcome);
      return true;
    } catch (IllegalStateException late) {
      return false;
    }
  }

  private void report(
      Saga saga, String step, int attempt, boolean compensating, StepOutcome outcome) {
    Instant now = clock.instant();
    if (outcome instanceof Succeeded ok) {
      if (compensating) {
        saga.compensationSucceeded(step, attempt, now);
      } else {
        saga.stepSucceeded(step, attempt, ok.data(), now);
      }
    } else if (outcome instanceof Failed failed) {
      if (compensating) {
        saga.compensationFailed(step, attempt, failed.error(), now, jitter.getAsDouble());
      } else {
        saga.stepFailed(
            step, attempt, failed.error(), failed.retriable(), now, jitter.getAsDouble());
      }
    }
  }

  private void begin(Saga saga, String step, int attempt, boolean compensating) {
    Instant now = clock.instant();
    if (compensating) {
      saga.compensationStarting(step, attempt, now);
    } else {
      saga.stepStarting(step, attempt, now);
    }
  }

  private Saga expecting(SagaId id, SagaAction action) {
    Saga saga = load(id);
    if (!saga.next(clock.instant()).equals(action)) {
      throw new SagaMovedOnException("Saga " + id + " moved on");
    }
    return saga;
  }

  private Saga load(SagaId id) {
    return log.load(id).orElseThrow(() -> new IllegalArgumentException("No saga " + id));
  }

  private static StepContext context(
      Saga saga, String step, int attempt, String key, boolean compensating) {
    return new StepContext(
        new SagaId(saga.id()), step, attempt, key, saga.correlationId(), compensating);
  }

  private record Decision(SagaAction action, String type, Optional<Rest> rest) {}

  private record Started(JsonObject data, StepContext context) {}

  /** Carries a transactional attempt's failure out of the transaction it rolls back. */
  private static final class AttemptFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Failed outcome;

    AttemptFailedException(Failed outcome) {
      super(outcome == null ? "too late" : outcome.error(), null, false, false);
      this.outcome = outcome;
    }
  }
}
