/**
 * Event versioning: upcasters that lift a stored payload from one schema version to the next when
 * it is read (Java upcasters registered in code, declarative ones a tenant admin registers).
 */
package dev.annals.eventstore.api.upcast;
