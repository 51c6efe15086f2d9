package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Which tenant-data changelog each tenant's data is migrated to (the registry's {@code
 * data_version}), so an upgrade reaches every schema- and database-mode tenant and the shared
 * schema once.
 */
@ApplicationScoped
public class TenantDataVersions {

  private static final String SET_DATA_VERSION =
      "UPDATE annals.tenants SET data_version = ? WHERE tenant_id = ?";

  private static final String SET_SHARED_DATA_VERSION =
      "UPDATE annals.tenants SET data_version = ? WHERE isolation = 'shared'"
          + " AND data_version IS DISTINCT FROM ?";

  private static final String DATA_VERSIONS =
      "SELECT tenant_id, data_version FROM annals.tenants WHERE data_version IS NOT NULL";

  @Inject TenantRepository repository;

  /** The tenant-data changelog version each tenant's data is migrated to, by tenant id. */
  public Map<String, String> dataVersions() throws SQLException {
    Map<String, String> versions = new HashMap<>();
    for (String[] row :
        repository.query(
            DATA_VERSIONS, ps -> {}, rs -> new String[] {rs.getString(1), rs.getString(2)})) {
      versions.put(row[0], row[1]);
    }
    return versions;
  }

  /** Records which tenant-data changelog the tenant's data is migrated to. */
  public void setDataVersion(TenantId id, String version) throws SQLException {
    repository.update(
        SET_DATA_VERSION,
        ps -> {
          ps.setString(1, version);
          ps.setString(2, id.value());
        });
  }

  /**
   * Records that the shared schema, so every shared tenant's data, is migrated to {@code version}.
   */
  public void setSharedDataVersion(String version) throws SQLException {
    repository.update(
        SET_SHARED_DATA_VERSION,
        ps -> {
          ps.setString(1, version);
          ps.setString(2, version);
        });
  }
}
