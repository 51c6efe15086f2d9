/**
 * The saga engine in the container: the runner's transactions, its log on the event store, the saga
 * types by name, and the driver that runs started and due sagas on exactly one node each.
 */
package dev.annals.saga.internal.engine;
