package dev.annals.tenancy.api;

import jakarta.ejb.Local;
import java.sql.Connection;

/**
 * The one way other modules reach tenant data: a connection of the current JTA transaction, bound
 * to the tenant. In the shared mode the binding is {@code set_config('annals.tenant_id', id,
 * true)}, local to the transaction, so a pooled connection can never carry a tenant into the next
 * transaction. Callers never branch on the isolation mode.
 */
@Local
public interface TenantConnections {

  /**
   * Must be called inside a JTA transaction. Within one transaction every call returns a handle to
   * the same physical connection; close the handle when done (the transaction keeps the connection
   * until it ends).
   *
   * @param tenant the tenant whose rows the connection may see and write
   * @return a connection bound to {@code tenant} for the rest of the transaction
   * @throws java.sql.SQLException when no connection can be had
   */
  Connection connection(TenantId tenant) throws java.sql.SQLException;
}
