package dev.annals.tenancy.api;

import jakarta.ejb.Local;
import java.util.Optional;

/**
 * The tenant registry and lifecycle. Every change is idempotent: suspending a suspended tenant,
 * resuming an active one or deleting a deleted one answers the tenant as it is and changes nothing.
 */
@Local
public interface Tenants {

  /**
   * Creates a tenant and provisions where its data lives (schema or database migrated, datasource
   * bound) before it answers.
   *
   * @param id the new tenant's id
   * @param name display name, 1-200 characters
   * @param isolation where its data lives
   * @param server for {@link Isolation#DATABASE} only: the name of a registered database server
   *     ({@link DatabaseServers}); empty means the platform's own
   * @return the tenant as stored
   * @throws InvalidRequestException when the name is empty or too long, a server is given for
   *     another mode or is not registered, or the server cannot be connected to
   * @throws QuotaExceededException when the server holds its quota of database-mode tenants
   * @throws TenantAlreadyExistsException when the id is taken (ids are never reused)
   */
  Tenant create(TenantId id, String name, Isolation isolation, Optional<String> server);

  /**
   * @param id the tenant's id
   * @return the tenant in any state (deleted ones included), or empty when there is none
   */
  Optional<Tenant> find(TenantId id);

  /**
   * @param after the last id of the previous page, or empty for the first page
   * @param limit page size, 1-1000
   */
  TenantPage list(Optional<TenantId> after, int limit);

  /**
   * A page of the tenants that pass a filter, in id order.
   *
   * @param after the last id of the previous page, or empty for the first page
   * @param limit page size, 1-1000
   * @param filter which tenants
   */
  TenantPage list(Optional<TenantId> after, int limit, TenantFilter filter);

  /**
   * @throws TenantNotFoundException when there is no such tenant
   * @throws TenantGoneException when it was deleted
   */
  TenantStats stats(TenantId id);

  /**
   * Fails unless the tenant's data may be read. Suspended tenants may be read (a suspension stops
   * changes, not audits or exports). Cheap enough for every request (a registry cache that a change
   * on this node invalidates and that expires within a second).
   *
   * @throws TenantNotFoundException when there is no such tenant
   * @throws TenantGoneException when it was deleted
   */
  void requireReadable(TenantId id);

  /**
   * Fails fast when the tenant may not be written. Only a hint: the write gate where the data lives
   * decides, exactly, inside the writing transaction.
   *
   * @throws TenantNotFoundException when there is no such tenant
   * @throws TenantGoneException when it was deleted
   * @throws TenantSuspendedException when it is suspended
   */
  void requireWritable(TenantId id);

  /** Refuses the tenant's writes from now on (waits for appends in flight); idempotent. */
  Tenant suspend(TenantId id);

  /** Lets a suspended tenant write again; idempotent. */
  Tenant resume(TenantId id);

  /**
   * Deletes a tenant: writes are refused at once, reads answer 410, and the data is purged {@code
   * retainDays} days after the deletion (0: now). Idempotent; the id is never reused. Deleting a
   * deleted tenant again may shorten its retention (counted from the first deletion; a retention
   * that has ended, or 0, purges now), never lengthen it.
   */
  Tenant delete(TenantId id, int retainDays);

  /**
   * Moves a live tenant to another isolation mode while it keeps serving: its data is copied, then
   * writes are fenced for a moment (they wait or get a retryable 503), the rest is copied and the
   * tenant switches. Answers at once; progress shows in {@link #lastMove}. Events keep their
   * checkpoints. A failed move leaves the tenant where it was.
   *
   * @param server for {@link Isolation#DATABASE} only: the name of a registered database server;
   *     empty means the platform's own
   * @throws InvalidRequestException when the server is given for another mode or not registered
   * @throws QuotaExceededException when the target server holds its quota of database-mode tenants
   * @throws ConflictException when the tenant is already there, moving elsewhere, or not active or
   *     suspended
   */
  Tenant move(TenantId id, Isolation to, Optional<String> server);

  /** The tenant's latest move, if it ever moved. */
  Optional<TenantMove> lastMove(TenantId id);

  /**
   * The registry's answer as callers must see it: a tenant still being created or already purged
   * does not exist; a deleted one is gone.
   *
   * @param id the id that was looked up
   * @param found what the registry holds for it
   * @return the tenant, when it is live (active, suspended or moving)
   * @throws TenantNotFoundException when there is none (yet, or any more)
   * @throws TenantGoneException when it was deleted and its data is retained
   */
  static Tenant live(TenantId id, Optional<Tenant> found) {
    Tenant t = found.filter(x -> x.state() != TenantState.CREATING).orElse(null);
    if (t == null || t.purged()) {
      throw new TenantNotFoundException(id);
    }
    if (t.deleted()) {
      throw new TenantGoneException(id);
    }
    return t;
  }
}
