package dev.annals.saga.api;

/**
 * The answer to a definition.
 *
 * @param type the type as stored
 * @param created true when the type is new, false when it replaced a definition
 */
public record DefinedSagaType(SagaTypeInfo type, boolean created) {}
