/**
 * Upcasting on read: the declarative operation engine, the per-tenant plan of Java and declarative
 * upcasters (cached), and the step that lifts a page of events before a read returns it.
 */
package dev.annals.eventstore.internal.upcast;
