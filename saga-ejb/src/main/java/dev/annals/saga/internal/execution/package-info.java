/**
 * Running sagas: one action at a time, each outcome recorded in the saga's log in its own
 * transaction (a Java step's effects in the same one), whatever kind of step it is.
 */
package dev.annals.saga.internal.execution;
