package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.QuotaSettings;
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

/** The {@code annals.tenant_limits} table: configured per-tenant request rates and quotas. */
@ApplicationScoped
public class TenantLimitsRepository {

  /** One tenant's row. */
  public record Limits(TenantRates rates, QuotaSettings quotas) {

    /** No row: every default applies. */
    public static final Limits DEFAULTS = new Limits(TenantRates.DEFAULTS, QuotaSettings.DEFAULTS);

    boolean isDefault() {
      return rates.isDefault() && quotas.isDefault();
    }
  }

  private static final String COLUMNS =
      "requests_per_second, principal_requests_per_second, max_streams, max_storage_bytes,"
          + " max_subscriptions";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM annals.tenant_limits WHERE tenant_id = ?";
  private static final String ALL = "SELECT tenant_id, " + COLUMNS + " FROM annals.tenant_limits";
  private static final String UPSERT =
      """
      INSERT INTO annals.tenant_limits (tenant_id, requests_per_second,
                                        principal_requests_per_second, max_streams,
                                        max_storage_bytes, max_subscriptions)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (tenant_id) DO UPDATE SET
        requests_per_second = excluded.requests_per_second,
        principal_requests_per_second = excluded.principal_requests_per_second,
        max_streams = excluded.max_streams,
        max_storage_bytes = excluded.max_storage_bytes,
        max_subscriptions = excluded.max_subscriptions,
        updated_at = now()
      """;
  private static final String REMOVE = "DELETE FROM annals.tenant_limits WHERE tenant_id = ?";

  @Resource(lookup = "jdbc/annals/tenancy")
  DataSource tenancy;

  /** The tenant's configured rates and quotas. */
  public Limits find(TenantId tenant) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(FIND)) {
      ps.setString(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? limits(rs, 1) : Limits.DEFAULTS;
      }
    }
  }

  /** Every configured tenant's rates and quotas. */
  public Map<String, Limits> all() throws SQLException {
    Map<String, Limits> all = new HashMap<>();
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(ALL);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        all.put(rs.getString(1), limits(rs, 2));
      }
    }
    return all;
  }

  /** Sets the tenant's rates and quotas, or removes them (the defaults apply again). */
  public void set(TenantId tenant, Limits limits) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(limits.isDefault() ? REMOVE : UPSERT)) {
      ps.setString(1, tenant.value());
      if (!limits.isDefault()) {
        ps.setObject(2, limits.rates().requestsPerSecond(), Types.INTEGER);
        ps.setObject(3, limits.rates().principalRequestsPerSecond(), Types.INTEGER);
        ps.setObject(4, limits.quotas().maxStreams(), Types.BIGINT);
        ps.setObject(5, limits.quotas().maxStorageBytes(), Types.BIGINT);
        ps.setObject(6, limits.quotas().maxSubscriptions(), Types.BIGINT);
      }
      ps.executeUpdate();
    }
  }

  private static Limits limits(ResultSet rs, int first) throws SQLException {
    return new Limits(
        new TenantRates(rs.getObject(first, Integer.class), rs.getObject(first + 1, Integer.class)),
        new QuotaSettings(
            rs.getObject(first + 2, Long.class),
            rs.getObject(first + 3, Long.class),
            rs.getObject(first + 4, Long.class)));
  }
}
