package dev.annals.tenancy.api;

import jakarta.ejb.Local;

/**
 * The hash-chained, insert-only audit log: one chain for the platform, one per tenant (see
 * docs/audit.md). Every record is committed on its own, whether the caller's transaction commits or
 * not, so refusals and failures are kept too.
 */
@Local
public interface AuditLog {

  /**
   * Appends {@code event} in the current caller's name ({@link #currentActor()}).
   *
   * @throws TenantNotFoundException when the event's scope has a tenant chain and the tenant was
   *     never registered
   * @throws UnavailableException when the database does not answer
   */
  void record(AuditEvent event);

  /**
   * Appends {@code event} in {@code actor}'s name: for work that continues after the request that
   * started it (capture {@link #currentActor()} first), or that the server does by itself ({@link
   * AuditActor#SERVER}).
   *
   * @throws TenantNotFoundException when the event's scope has a tenant chain and the tenant was
   *     never registered
   * @throws UnavailableException when the database does not answer
   */
  void record(AuditEvent event, AuditActor actor);

  /**
   * The current caller: the principal the web layer authenticated for the current request ({@link
   * RequestCorrelation#principal()}), else the EJB caller principal's name (as is: {@code
   * UNAUTHENTICATED} for an anonymous caller), and the request's correlation id ({@link
   * RequestCorrelation}), if any.
   */
  AuditActor currentActor();

  /**
   * Recomputes every record's hash of {@code chain} in Java, independently of the database's
   * function, streaming through the chain in sequence order.
   *
   * @throws TenantNotFoundException for the chain of a tenant that was never registered (deleted
   *     and purged tenants keep their chain)
   * @throws UnavailableException when the database does not answer
   */
  AuditVerification verify(AuditChain chain);

  /**
   * Up to {@code limit} records of {@code chain} with a sequence number above {@code after}.
   *
   * @param after 0 for the first page, else the previous page's {@code next}
   * @param limit 1 to 1000
   * @throws InvalidRequestException when {@code after} is negative or {@code limit} out of range
   * @throws TenantNotFoundException for the chain of a tenant that was never registered
   * @throws UnavailableException when the database does not answer
   */
  AuditPage page(AuditChain chain, long after, int limit);
}
