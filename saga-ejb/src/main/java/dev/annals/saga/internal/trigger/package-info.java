/** Sagas started from events: a subscription handler that starts one saga per event. */
package dev.annals.saga.internal.trigger;
