package dev.annals.tenancy.infrastructure;

import static dev.annals.tenancy.infrastructure.TenantRepository.COLUMNS;

import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;

/**
 * Deleted tenants in the registry: their retention and purge. Retention counts from the deletion;
 * it can be shortened later, never lengthened.
 */
@ApplicationScoped
public class TenantDeletions {

  private static final String MARK_DELETED =
      "UPDATE annals.tenants SET state = 'deleted', updated_at = now(), deleted_at = now(),"
          + " purge_after = now() + make_interval(days => ?) WHERE tenant_id = ? RETURNING "
          + COLUMNS;

  private static final String SHORTEN =
      "UPDATE annals.tenants SET updated_at = now(),"
          + " purge_after = least(purge_after, deleted_at + make_interval(days => ?))"
          + " WHERE tenant_id = ? AND state = 'deleted' RETURNING "
          + COLUMNS;

  private static final String MARK_PURGED =
      "UPDATE annals.tenants SET purged_at = now(), updated_at = now()"
          + " WHERE tenant_id = ? AND purged_at IS NULL";

  private static final String DUE_FOR_PURGE =
      "SELECT "
          + COLUMNS
          + " FROM annals.tenants WHERE state = 'deleted' AND purged_at IS NULL"
          + " AND purge_after <= now() ORDER BY tenant_id";

  @Inject TenantRepository registry;

  /** Marks the tenant deleted, its data retained for {@code retainDays}. */
  public Tenant markDeleted(TenantId id, int retainDays) throws SQLException {
    return registry.changed(
        id,
        MARK_DELETED,
        ps -> {
          ps.setInt(1, retainDays);
          ps.setString(2, id.value());
        });
  }

  /**
   * Retains a deleted tenant's data at most {@code retainDays} after its deletion (a retention that
   * ends sooner is kept).
   */
  public Tenant shortenRetention(TenantId id, int retainDays) throws SQLException {
    return registry.changed(
        id,
        SHORTEN,
        ps -> {
          ps.setInt(1, retainDays);
          ps.setString(2, id.value());
        });
  }

  /** Records that a deleted tenant's data is gone; false when another purge did already. */
  public boolean markPurged(TenantId id) throws SQLException {
    return registry.update(MARK_PURGED, ps -> ps.setString(1, id.value())) == 1;
  }

  /** Deleted tenants whose retention has ended and whose data is not purged yet. */
  public List<Tenant> dueForPurge() throws SQLException {
    return registry.tenants(DUE_FOR_PURGE, ps -> {});
  }
}
