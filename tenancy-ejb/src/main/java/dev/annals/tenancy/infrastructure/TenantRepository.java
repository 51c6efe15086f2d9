package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/** The tenant registry table, {@code annals.tenants}. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class TenantRepository {

  private static final String INSERT =
      """
      INSERT INTO annals.tenants (tenant_id, name) VALUES (?, ?)
      ON CONFLICT (tenant_id) DO NOTHING
      RETURNING tenant_id, name, isolation, state, created_at
      """;

  private static final String FIND =
      """
      SELECT tenant_id, name, isolation, state, created_at FROM annals.tenants WHERE tenant_id = ?
      """;

  @Resource(lookup = "jdbc/annals/runtime")
  DataSource runtime;

  /** Inserts the tenant; empty when the id is taken. */
  public Optional<Tenant> insert(TenantId id, String name) throws SQLException {
    try (Connection c = runtime.getConnection();
        PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, id.value());
      ps.setString(2, name);
      return single(ps);
    }
  }

  /** The tenant with this id, if any. */
  public Optional<Tenant> find(TenantId id) throws SQLException {
    try (Connection c = runtime.getConnection();
        PreparedStatement ps = c.prepareStatement(FIND)) {
      ps.setString(1, id.value());
      return single(ps);
    }
  }

  private static Optional<Tenant> single(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new Tenant(
              new TenantId(rs.getString(1)),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getObject(5, OffsetDateTime.class).toInstant()));
    }
  }
}
