/** Cross-node wake-ups: publishing a tenant's commits on Redis and waking this node's listeners. */
package dev.annals.eventstore.infrastructure.wakeup;
