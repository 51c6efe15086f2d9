package dev.annals.tenancy.api;

import javax.sql.DataSource;

/**
 * The per-request tenant lookups of the event store's hot paths as a plain CDI bean ({@code @Inject
 * TenantLookups}): whether a tenant may be read or written, its quotas, where its data lives and
 * the non-JTA datasources of a placement. Each is a lookup in this node's caches that joins,
 * suspends and starts no transaction, so it needs no EJB call: the same operations of {@link
 * Tenants}, {@link TenantQuotas} and {@link TenantConnections} (which delegate here) cost an EJB
 * container hop each, five per HTTP append (bench/RESULTS.md). Call it from inside an EJB that
 * draws the transaction boundary.
 */
public interface TenantLookups {

  /** As {@link Tenants#requireReadable}. */
  void requireReadable(TenantId id);

  /** As {@link Tenants#requireWritable}. */
  void requireWritable(TenantId id);

  /** As {@link TenantQuotas#limits}. */
  QuotaSettings limits(TenantId tenant);

  /** As {@link TenantConnections#placement}. */
  Placement placement(TenantId tenant);

  /** As {@link TenantConnections#localDataSource}. */
  DataSource localDataSource(Placement placement);

  /** As {@link TenantConnections#readDataSource}. */
  DataSource readDataSource(Placement placement);
}
