package dev.annals.tenancy.api;

import jakarta.ejb.Local;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The one way other modules reach tenant data. A connection comes bound to its tenant: {@code
 * set_config('annals.tenant_id', id, true)} for Row-Level Security, and {@code search_path} set to
 * the schema that holds the tenant's tables, both local to the transaction so a pooled connection
 * can never carry them into the next one. Callers write unqualified table names and never branch on
 * the isolation mode.
 */
@Local
public interface TenantConnections {

  /**
   * A connection of the current JTA transaction, bound to {@code tenant}. Must be called inside a
   * JTA transaction; within one, every call for a tenant returns a handle to the same physical
   * connection. Close the handle when done (the transaction keeps the connection until it ends).
   *
   * @throws SQLException when no connection can be had
   */
  Connection connection(TenantId tenant) throws SQLException;

  /**
   * The same connection of the current JTA transaction as {@link #connection}, without binding it:
   * for statements that bind their tenant themselves and name the placement's schema (the append
   * function), which saves a round trip. Row-Level Security still applies: unbound, it sees
   * nothing.
   *
   * @param placement the tenant's placement, from {@link #placement}
   * @throws SQLException when no connection can be had
   */
  Connection unboundConnection(Placement placement) throws SQLException;

  /**
   * Where the tenant's data lives, for writers that batch many tenants' appends in local
   * transactions of their own (group commit).
   *
   * @throws TenantNotFoundException when there is no such tenant
   */
  Placement placement(TenantId tenant);

  /**
   * The datasource of {@code placement} for local transactions outside JTA (the caller sets
   * auto-commit off and commits). Nothing is bound: name the placement's schema in the SQL and bind
   * the tenant per statement (the append function does both). Take its connections on the caller's
   * own thread and context.
   */
  javax.sql.DataSource localDataSource(Placement placement);

  /**
   * The datasource of {@code placement} for reads outside any transaction: auto-commit, no XA
   * enlistment. Nothing is bound, so use it only with statements that bind their tenant themselves
   * for the statement's own implicit transaction (the read functions do), naming the placement's
   * schema.
   */
  javax.sql.DataSource readDataSource(Placement placement);
}
