/**
 * The reference saga, assigning a task to an agent, against small in-process stand-ins for the
 * agent roster, task runs and evidence log of the original platform.
 */
package dev.annals.saga.internal.assignment;
