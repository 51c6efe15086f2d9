/**
 * Subscriptions: administration, the lease-holding driver and delivery to handlers and webhooks.
 */
package dev.annals.eventstore.internal.subscription;
