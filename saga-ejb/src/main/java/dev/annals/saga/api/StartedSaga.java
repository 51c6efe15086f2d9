package dev.annals.saga.api;

/**
 * The answer to a start.
 *
 * @param saga the saga
 * @param created false when a saga of that id existed already (nothing was started)
 */
public record StartedSaga(SagaView saga, boolean created) {}
