package dev.annals.saga.internal.execution;

import jakarta.json.JsonObject;

/** What an attempt of a step's action or compensation came to. */
public sealed interface StepOutcome {

  /**
   * It succeeded.
   *
   * @param data the saga's data after it
   */
  record Succeeded(JsonObject data) implements StepOutcome {}

  /**
   * It failed.
   *
   * @param error what went wrong, fit to show an operator (never a stack trace)
   * @param retriable whether another attempt could succeed
   */
  record Failed(String error, boolean retriable) implements StepOutcome {}
}
