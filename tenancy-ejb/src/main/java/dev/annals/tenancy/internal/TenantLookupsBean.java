package dev.annals.tenancy.internal;

import dev.annals.tenancy.api.Placement;
import dev.annals.tenancy.api.QuotaSettings;
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

  @Override
  public Placement placement(TenantId tenant) {
    return registry.requireLive(tenant).placement(PLATFORM);
  }

  @Override
  public DataSource localDataSource(Placement placement) {
    return PLATFORM.equals(placement.dataSource())
        ? grouped
        : dataSources.lookup(placement.dataSource());
  }

  @Override
  public DataSource readDataSource(Placement placement) {
    return PLATFORM.equals(placement.dataSource())
        ? reads
        : dataSources.lookup(placement.dataSource());
  }
}
