/** Subscriptions: named, checkpointed readers of a tenant's $all, and the handler contract. */
package dev.annals.eventstore.api.subscription;
