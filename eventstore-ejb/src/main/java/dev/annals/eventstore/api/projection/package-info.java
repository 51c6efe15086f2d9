/**
 * Projections: in-process handlers that own read-model tables, their blue/green rebuilds, and the
 * statistics projection every tenant has.
 */
package dev.annals.eventstore.api.projection;
