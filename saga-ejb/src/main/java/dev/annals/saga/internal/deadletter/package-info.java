/**
 * Sagas in the failure system: a compensation that exhausted its budget becomes a dead letter, and
 * redriving that letter retries the saga.
 */
package dev.annals.saga.internal.deadletter;
