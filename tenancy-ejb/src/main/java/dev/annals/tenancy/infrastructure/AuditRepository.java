package dev.annals.tenancy.infrastructure;

import dev.annals.tenancy.api.AuditActor;
import dev.annals.tenancy.api.AuditChain;
import dev.annals.tenancy.api.AuditEvent;
import dev.annals.tenancy.api.AuditRecord;
import dev.annals.tenancy.api.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The audit chains ({@code annals.audit_records}, heads in {@code annals.audit_chains}) through
 * tenancy's role, which may only read them and call {@code annals.audit_append}: the function locks
 * the chain's head and extends it, so appends to one chain serialize in the database.
 */
@ApplicationScoped
public class AuditRepository {

  private static final String APPEND = "SELECT annals.audit_append(?, ?, ?, ?, ?, ?, ?, ?::jsonb)";

  private static final String COLUMNS =
      "chain, seq, recorded_at, principal, tenant_id, action, target, outcome, correlation_id,"
          + " detail::text, prev_hash, hash";

  private static final String PAGE =
      "SELECT "
          + COLUMNS
          + " FROM annals.audit_records WHERE chain = ? AND seq > ?"
          + " ORDER BY seq LIMIT ?";

  private static final String ALL =
      "SELECT " + COLUMNS + " FROM annals.audit_records" + " WHERE chain = ? ORDER BY seq";

  private static final String HEAD =
      "SELECT records, head_hash FROM annals.audit_chains WHERE chain = ?";

  private static final String REGISTERED =
      "SELECT 1 FROM annals.tenants WHERE tenant_id = ? AND state <> 'creating'";

  private static final int FETCH = 500;

  @Resource(lookup = "jdbc/annals/tenancy")
  DataSource tenancy;

  /** The recorded head of a chain: its last sequence number and hash. */
  public record Head(long records, String hash) {}

  /** Appends {@code event} to the chains of its scope, in the caller's transaction if any. */
  public void append(AuditEvent event, AuditActor actor) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(APPEND)) {
      ps.setString(1, event.scope().wireName());
      ps.setString(2, actor.principal());
      ps.setString(3, event.tenant().map(TenantId::value).orElse(null));
      ps.setString(4, event.action());
      ps.setString(5, event.target().orElse(null));
      ps.setString(6, event.outcome().wireName());
      setOptional(ps, 7, actor.correlationId());
      ps.setString(8, event.detail().toString());
      ps.execute();
    }
  }

  /** Whether the tenant is registered (in any state but an unfinished creation). */
  public boolean registered(TenantId tenant) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(REGISTERED)) {
      ps.setString(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Up to {@code limit} records of the chain after sequence number {@code after}. */
  public List<AuditRecord> page(AuditChain chain, long after, int limit) throws SQLException {
    try (Connection c = tenancy.getConnection();
        PreparedStatement ps = c.prepareStatement(PAGE)) {
      ps.setString(1, chain.name());
      ps.setLong(2, after);
      ps.setInt(3, limit);
      List<AuditRecord> page = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          page.add(row(rs));
        }
      }
      return page;
    }
  }

  /**
   * Hands every record of the chain to {@code each}, in sequence order, a few hundred rows in
   * memory at a time (a cursor), and answers the head as it was in the same snapshot. Runs in a
   * read-only repeatable-read transaction of its own, so must be called outside JTA.
   */
  public Optional<Head> scan(AuditChain chain, Consumer<AuditRecord> each) throws SQLException {
    try (Connection c = tenancy.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      int isolation = c.getTransactionIsolation();
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        Optional<Head> head = head(c, chain);
        try (PreparedStatement ps = c.prepareStatement(ALL)) {
          ps.setFetchSize(FETCH);
          ps.setString(1, chain.name());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              each.accept(row(rs));
            }
          }
        }
        c.commit();
        return head;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setTransactionIsolation(isolation);
        c.setAutoCommit(autoCommit);
      }
    }
  }

  private static Optional<Head> head(Connection c, AuditChain chain) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(HEAD)) {
      ps.setString(1, chain.name());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getString(2))) : Optional.empty();
      }
    }
  }

  private static AuditRecord row(ResultSet rs) throws SQLException {
    return new AuditRecord(
        rs.getString(1),
        rs.getLong(2),
        rs.getObject(3, OffsetDateTime.class).toInstant(),
        rs.getString(4),
        Optional.ofNullable(rs.getString(5)),
        rs.getString(6),
        Optional.ofNullable(rs.getString(7)),
        rs.getString(8),
        Optional.ofNullable(rs.getString(9)),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12));
  }

  private static void setOptional(PreparedStatement ps, int index, Optional<String> value)
      throws SQLException {
    if (value.isPresent()) {
      ps.setString(index, value.get());
    } else {
      ps.setNull(index, Types.VARCHAR);
    }
  }
}
