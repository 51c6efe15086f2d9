package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantRates;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The {@code annals.tenant_limits} table: configured per-tenant request rates. */
@ApplicationScoped
public class TenantLimitsRepository {

  private static final String COLUMNS = "requests_per_second, principal_requests_per_second";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM annals.tenant_limits WHERE tenant_id = ?";
  private static final String ALL = "SELECT tenant_id, " + COLUMNS + " FROM annals.tenant_limits";
  private static final String UPSERT =
      """
      INSERT INTO annals.tenant_limits (tenant_id, requests_per_second,
                                        principal_requests_per_second)
      VALUES (?, ?, ?)
      ON CONFLICT (tenant_id) DO UPDATE SET
        requests_per_second = excluded.requests_per_second,
        principal_requests_per_second = excluded.principal_requests_per_second,
        updated_at = now()
      """;
  private static final String REMOVE = "DELETE FROM annals.tenant_limits WHERE tenant_id = ?";

  @Resource(lookup = "jdbc/annals/tenancy")
  DataSource tenancy;

  /** The tenant's configured rates. */
  public TenantRates find(TenantId tenant) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(FIND)) {
      ps.setString(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rates(rs, 1) : TenantRates.DEFAULTS;
      }
    }
  }

  /** Every configured tenant's rates. */
  public Map<String, TenantRates> all() throws SQLException {
    Map<String, TenantRates> all = new HashMap<>();
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(ALL);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        all.put(rs.getString(1), rates(rs, 2));
      }
    }
    return all;
  }

  /** Sets the tenant's rates, or removes them (the defaults apply again). */
  public void set(TenantId tenant, TenantRates rates) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(rates.isDefault() ? REMOVE : UPSERT)) {
      ps.setString(1, tenant.value());
      if (!rates.isDefault()) {
        ps.setObject(2, rates.requestsPerSecond(), Types.INTEGER);
        ps.setObject(3, rates.principalRequestsPerSecond(), Types.INTEGER);
      }
      ps.executeUpdate();
    }
  }

  private static TenantRates rates(ResultSet rs, int first) throws SQLException {
    return new TenantRates(
        rs.getObject(first, Integer.class), rs.getObject(first + 1, Integer.class));
  }
}
