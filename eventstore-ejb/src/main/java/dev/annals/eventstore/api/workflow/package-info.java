/** The research workflow: the reference aggregate, created, started, stepped, then finished. */
package dev.annals.eventstore.api.workflow;
