package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.Placement;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.infrastructure.TenantDataSources;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Routes a tenant to its data and binds the connection. The binding is made once per transaction
 * and datasource: a second call for the same tenant in the same transaction finds the binding
 * recorded in the transaction's registry and skips the round trip; a call for another tenant
 * rebinds (the physical connection is shared within the transaction).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TenantConnectionsBean implements TenantConnections {

  /** The event store's pool on the platform database (shared and schema tenants). */
  static final String PLATFORM = TenantLookupsBean.PLATFORM;

  private static final String BIND =
      "SELECT set_config('annals.tenant_id', ?, true), set_config('search_path', quote_ident(?),"
          + " true)";

  @Resource(lookup = PLATFORM)
  private DataSource runtime;

  @Resource private TransactionSynchronizationRegistry transaction;

  @Inject TenantLookupsBean lookups;

  @Inject TenantDataSources dataSources;

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Connection connection(TenantId tenant) throws SQLException {
    Placement placement = placement(tenant);
    Connection connection = transactional(placement).getConnection();
    String key = "annals.tenant-binding:" + placement.dataSource();
    String binding = tenant.value() + "@" + placement.schema();
    if (binding.equals(transaction.getResource(key))) {
      return connection;
    }
    try (PreparedStatement bind = connection.prepareStatement(BIND)) {
      bind.setString(1, tenant.value());
      bind.setString(2, placement.schema());
      bind.execute();
      transaction.putResource(key, binding);
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public Connection unboundConnection(Placement placement) throws SQLException {
    return transactional(placement).getConnection();
  }

  @Override
  public Placement placement(TenantId tenant) {
    return lookups.placement(tenant);
  }

  @Override
  public DataSource localDataSource(Placement placement) {
    return lookups.localDataSource(placement);
  }

  @Override
  public DataSource readDataSource(Placement placement) {
    return lookups.readDataSource(placement);
  }

  /** The JTA-enlisted datasource of a placement. */
  private DataSource transactional(Placement placement) {
    return PLATFORM.equals(placement.dataSource())
        ? runtime
        : dataSources.lookup(placement.dataSource());
  }
}
