/**
 * Projections on the subscription machinery: one subscription per generation, the blue/green
 * switch, every tenant's projections kept in place, and the statistics projection.
 */
package dev.annals.eventstore.internal.projection;
