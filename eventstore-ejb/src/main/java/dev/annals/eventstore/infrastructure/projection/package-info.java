/** Projection rows and the statistics projection's read model, in the tenant's place. */
package dev.annals.eventstore.infrastructure.projection;
