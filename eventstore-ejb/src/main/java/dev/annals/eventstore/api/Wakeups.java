package dev.annals.eventstore.api;

import dev.annals.tenancy.api.TenantId;

/**
 * Wake-ups for the consumers of a tenant's {@code $all} on this node (subscriptions, live feeds): a
 * hint that the tenant's events may have changed, never the events themselves. A consumer always
 * reads from the database by its checkpoint when woken; a wake-up may be spurious, and several
 * appends may produce one wake-up.
 *
 * <p>The contract every implementation keeps: after an append to a tenant commits, on any node,
 * each listener of that tenant is called at least once later — soon when the fast path (Redis
 * pub/sub) works, and within the poll interval ({@code annals.wakeups.poll-interval-ms}, default
 * 500) when it does not. Nothing is delivered only through a wake-up, so a lost one delays a
 * consumer by at most the poll interval and never skips an event.
 */
public interface Wakeups {

  /**
   * Calls {@code listener} whenever the tenant's events may have changed. The listener runs on a
   * shared thread: it must return quickly (schedule the read, never do it inline) and never block.
   *
   * @param tenant the tenant whose appends wake the listener
   * @param listener what to call
   * @return the registration; closing it stops the calls
   */
  Registration listen(TenantId tenant, Runnable listener);

  /** A listener's registration. */
  interface Registration extends AutoCloseable {
    /** Stops the calls; idempotent. */
    @Override
    void close();
  }
}
