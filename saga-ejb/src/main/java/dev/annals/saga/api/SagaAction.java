package dev.annals.saga.api;

import java.time.Instant;

/** What a saga needs done next, as {@link Saga#next} decides it. */
public sealed interface SagaAction {

  /**
   * Run an attempt of a step's action.
   *
   * @param idempotencyKey {@code <sagaId>:<step>}, the same for every attempt
   */
  record RunStep(String step, int attempt, String idempotencyKey) implements SagaAction {}

  /**
   * Run an attempt of a step's compensation.
   *
   * @param idempotencyKey {@code <sagaId>:<step>:compensate}, the same for every attempt
   */
  record Compensate(String step, int attempt, String idempotencyKey) implements SagaAction {}

  /** Nothing until then (a retry's backoff, or a deadline). */
  record WaitUntil(Instant time) implements SagaAction {}

  /** A deadline passed: record it with {@link Saga#timedOut}. */
  record TimeOut() implements SagaAction {}

  /** Nothing to do: the saga is final, or failed and waits for an operator's retry. */
  record Idle() implements SagaAction {}
}
