package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.Identifiers;
import dev.annals.tenancy.api.Placement;
import dev.annals.tenancy.api.QuotaSettings;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantLookups;
import dev.annals.tenancy.api.TenantState;
import dev.annals.tenancy.api.TenantSuspendedException;
import dev.annals.tenancy.infrastructure.TenantDataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.sql.DataSource;

/** The cache lookups of {@link TenantLookups}, shared by the EJBs that expose them too. */
@ApplicationScoped
public class TenantLookupsBean implements TenantLookups {

  /** The event store's pool on the platform database (shared and schema tenants). */
  static final String PLATFORM = "jdbc/annals/runtime";

  @Resource(lookup = "jdbc/annals/grouped")
  DataSource grouped;

  @Resource(lookup = "jdbc/annals/reads")
  DataSource reads;

  @Inject TenantRegistry registry;

  @Inject QuotaCache quotas;

  @Inject TenantDataSources dataSources;

  @Override
  public void requireReadable(TenantId id) {
    registry.requireLive(id);
  }

  @Override
  public void requireWritable(TenantId id) {
    if (registry.requireLive(id).state() == TenantState.SUSPENDED) {
      throw new TenantSuspendedException(id);
    }
  }

  @Override
  public QuotaSettings limits(TenantId tenant) {
    return quotas.limits(tenant.value());
  }

  /**
   * {@inheritDoc} A database-mode placement this node has not met yet (the tenant was created or
   * moved on another node) has its datasources declared here first, so every node serves every
   * tenant.
   */
  @Override
  public Placement placement(TenantId tenant) {
    Tenant t = registry.requireLive(tenant);
    dataSources.ensureDeclared(t);
    return t.placement(PLATFORM);
  }

  @Override
  public DataSource localDataSource(Placement placement) {
    return PLATFORM.equals(placement.dataSource())
        ? grouped
        : dataSources.lookup(placement.dataSource());
  }

  /**
   * {@inheritDoc} Shared and schema tenants read on the platform's reads pool, database-mode
   * tenants on their placement's own reads pool: never on an XA pool, whose connections the
   * transactions of the same tenant need.
   */
  @Override
  public DataSource readDataSource(Placement placement) {
    return PLATFORM.equals(placement.dataSource())
        ? reads
        : dataSources.lookup(Identifiers.readsJndiNameOf(placement.dataSource()));
  }
}
