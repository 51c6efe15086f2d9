package dev.annals.eventstore.infrastructure.upcast;

import dev.annals.eventstore.api.upcast.UpcasterDefinition;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's {@code upcasters} table, on the transaction's tenant-bound connection (Row-Level
 * Security confines every statement to that tenant's rows, in every isolation mode).
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class UpcasterRepository {

  private static final String UPSERT =
      """
      INSERT INTO upcasters (tenant_id, event_type, from_version, operations)
      VALUES (?, ?, ?, ?::jsonb)
      ON CONFLICT (tenant_id, event_type, from_version) DO UPDATE
        SET operations = excluded.operations, updated_at = now()
      RETURNING operations::text, updated_at
      """;

  private static final String LIST =
      """
      SELECT event_type, from_version, operations::text, updated_at FROM upcasters
       WHERE tenant_id = ? ORDER BY event_type, from_version
      """;

  private static final String DELETE =
      "DELETE FROM upcasters WHERE tenant_id = ? AND event_type = ? AND from_version = ?";

  @EJB TenantConnections connections;

  /** Stores (or replaces) one upcaster; the stored definition. */
  public UpcasterDefinition put(TenantId tenant, String type, int fromVersion, String operations)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(UPSERT)) {
      ps.setString(1, tenant.value());
      ps.setString(2, type);
      ps.setInt(3, fromVersion);
      ps.setString(4, operations);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new UpcasterDefinition(
            type,
            fromVersion,
            array(rs.getString(1)),
            rs.getObject(2, OffsetDateTime.class).toInstant());
      }
    }
  }

  /** The tenant's upcasters by type, then version. */
  public List<UpcasterDefinition> list(TenantId tenant) throws SQLException {
    List<UpcasterDefinition> out = new ArrayList<>();
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(LIST)) {
      ps.setString(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new UpcasterDefinition(
                  rs.getString(1),
                  rs.getInt(2),
                  array(rs.getString(3)),
                  rs.getObject(4, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return out;
  }

  /** Removes one upcaster; whether there was one. */
  public boolean delete(TenantId tenant, String type, int fromVersion) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(DELETE)) {
      ps.setString(1, tenant.value());
      ps.setString(2, type);
      ps.setInt(3, fromVersion);
      return ps.executeUpdate() > 0;
    }
  }

  private static JsonArray array(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readArray();
    }
  }
}
