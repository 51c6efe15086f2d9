package dev.annals.tenancy.api;

import jakarta.ejb.Local;

/**
 * The quotas enforced on a tenant (configured through {@link TenantLimits}, else the server's
 * defaults {@code annals.quota.*}; 0: unlimited), read from this node's copy: no database call. A
 * change made on this node applies at once, one made on another within 5 seconds. The event store
 * enforces streams and storage bytes in its append function; other modules check theirs with {@link
 * #requireRoom} before they create something.
 */
@Local
public interface TenantQuotas {

  /** The tenant's enforced quotas (no null member; 0: unlimited). */
  QuotaSettings limits(TenantId tenant);

  /**
   * Refuses creating one more of what {@code quota} counts when the tenant holds {@code current}.
   *
   * @param current how many the tenant holds now (the caller counts them, in the transaction that
   *     creates the next one, under a lock if it must be exact under concurrency)
   * @throws QuotaExceededException naming the quota, its limit and {@code current}
   */
  void requireRoom(TenantId tenant, Quota quota, long current);
}
