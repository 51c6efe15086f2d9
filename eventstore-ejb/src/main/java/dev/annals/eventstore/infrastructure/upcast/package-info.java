/** The tenant's {@code upcasters} table: declarative upcasters as a tenant admin stored them. */
package dev.annals.eventstore.infrastructure.upcast;
