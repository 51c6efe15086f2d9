package dev.annals.saga.api;

/**
 * What a step's action or compensation knows of the attempt it runs in.
 *
 * @param sagaId the saga
 * @param step the step's name
 * @param attempt the attempt's number (a resumed attempt keeps its number)
 * @param idempotencyKey the key that makes repeating the attempt safe: {@code <sagaId>:<step>},
 *     with {@code :compensate} for a compensation; pass it on to whatever the step calls
 * @param correlationId the saga's correlation id, for every event or call the step makes
 * @param compensating whether this is the step's compensation
 */
public record StepContext(
    SagaId sagaId,
    String step,
    int attempt,
    String idempotencyKey,
    String correlationId,
    boolean compensating) {

  /**
   * The key of the step's action, also from its compensation: what a compensation looks up to undo
   * an action whose outcome it never learnt (its node stopped, or it timed out).
   */
  public String actionKey() {
    String suffix = ":compensate";
    return compensating && idempotencyKey.endsWith(suffix)
        ? idempotencyKey.substring(0, idempotencyKey.length() - suffix.length())
        : idempotencyKey;
  }
}
