/** Subscription rows, leases and checkpoints in the tenant's place; the webhook HTTP client. */
package dev.annals.eventstore.infrastructure.subscription;
