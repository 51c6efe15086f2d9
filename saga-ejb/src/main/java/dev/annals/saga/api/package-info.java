/**
 * Sagas as other modules and users see them: how a saga type is defined in Java, the saga's log
 * events and the orchestration state machine that folds them and decides the next step.
 */
package dev.annals.saga.api;
