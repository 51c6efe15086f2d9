package dev.annals.saga.infrastructure.types;

import dev.annals.saga.api.SagaTypeInfo;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Declarative saga types in the tenant's place, on the current transaction's bound connection. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class SagaTypeRepository {

  private static final String COLUMNS = "type, definition::text, created_at, updated_at";

  @EJB TenantConnections connections;

  /**
   * Stores a definition, replacing one of the same name.
   *
   * @return true when the type is new
   */
  public boolean upsert(TenantId tenant, String type, JsonObject definition) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO saga_types (tenant_id, type, definition) VALUES (?, ?, ?::jsonb)"
                    + " ON CONFLICT (tenant_id, type) DO UPDATE SET definition ="
                    + " excluded.definition, updated_at = now()"
                    + " RETURNING (xmax = 0)")) {
      ps.setString(1, tenant.value());
      ps.setString(2, type);
      ps.setString(3, definition.toString());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** The type, if the tenant has it. */
  public Optional<SagaTypeInfo> find(TenantId tenant, String type) throws SQLException {
    return query(tenant, "SELECT " + COLUMNS + " FROM saga_types WHERE type = ?", type).stream()
        .findFirst();
  }

  /** Every type of the tenant, by name. */
  public List<SagaTypeInfo> list(TenantId tenant) throws SQLException {
    return query(tenant, "SELECT " + COLUMNS + " FROM saga_types ORDER BY type", null);
  }

  /** Deletes a type; false when there was none. */
  public boolean delete(TenantId tenant, String type) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement("DELETE FROM saga_types WHERE type = ?")) {
      ps.setString(1, type);
      return ps.executeUpdate() == 1;
    }
  }

  private List<SagaTypeInfo> query(TenantId tenant, String sql, String arg) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (arg != null) {
        ps.setString(1, arg);
      }
      List<SagaTypeInfo> types = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          try (JsonReader reader = Json.createReader(new StringReader(rs.getString(2)))) {
            types.add(
                new SagaTypeInfo(
                    rs.getString(1),
                    reader.readObject(),
                    rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4).toInstant()));
          }
        }
      }
      return types;
    }
  }
}
