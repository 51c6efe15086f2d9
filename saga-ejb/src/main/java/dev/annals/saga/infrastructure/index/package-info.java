/**
 * The saga index: a row per saga for listing, durable timers and the lease of the node driving it.
 */
package dev.annals.saga.infrastructure.index;
