package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Binds the tenant to the transaction's connection. MANDATORY: a binding outside a transaction
 * would be lost at once (it is transaction-local by design).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TenantConnectionsBean implements TenantConnections {

  private static final String BIND = "SELECT set_config('annals.tenant_id', ?, true)";

  @Resource(lookup = "jdbc/annals/runtime")
  private DataSource runtime;

  @Override
  public Connection connection(TenantId tenant) throws SQLException {
    Connection connection = runtime.getConnection();
    try (PreparedStatement bind = connection.prepareStatement(BIND)) {
      bind.setString(1, tenant.value());
      bind.execute();
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }
}
