package dev.annals.eventstore.infrastructure;

import dev.annals.eventstore.api.AllScan;
import dev.annals.eventstore.api.Checkpoint;
import dev.annals.eventstore.api.Direction;
import dev.annals.eventstore.api.RecordedEvent;
import dev.annals.eventstore.api.StreamId;
import dev.annals.eventstore.api.StreamInfo;
import dev.annals.tenancy.api.Identifiers;
import dev.annals.tenancy.api.Placement;
import dev.annals.tenancy.api.SqlFailure;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantLookups;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The event store's reads: one call of a read function of the tenant's schema each (the function
 * binds the tenant itself and reads under Row-Level Security). Outside a JTA transaction — every
 * HTTP read — the call runs in auto-commit on a non-JTA pool: no XA enlistment, no transaction to
 * begin and commit, no separate bind, one round trip. Inside a caller's JTA transaction it runs on
 * the transaction's bound connection, so the caller reads its own uncommitted appends. A read that
 * needs two statements (an empty page: does the stream exist?) runs both on one connection.
 */
@ApplicationScoped
public class EventReader {

  private static final String READ_STREAM = "SELECT * FROM %s.read_stream(?, ?, ?, ?, ?)";

  /** $all after a checkpoint; {@code %s} is the quoted schema. */
  static final String READ_ALL = "SELECT * FROM %s.read_all(?, ?::xid8, ?, ?)";

  /** $all after a checkpoint with a pre-filter, in one round trip; {@code %s} is the schema. */
  private static final String READ_ALL_MATCHING =
      "SELECT * FROM %s.read_all_matching(?, ?::xid8, ?, ?, ?, ?)";

  private static final String READ_CORRELATION =
      "SELECT * FROM %s.read_correlation(?, ?, ?::xid8, ?, ?)";
  private static final String STREAM_VERSION_AT = "SELECT %s.stream_version_at(?, ?, ?)";

  private static final String CHECKPOINT_EXISTS = "SELECT %s.checkpoint_exists(?, ?::xid8, ?)";
  private static final String STREAM_INFO = "SELECT * FROM %s.stream_info(?, ?)";

  /** Attempts of a read outside a transaction that keeps losing its connection. */
  static final int READ_ATTEMPTS = 3;

  @EJB TenantConnections connections;

  @Inject TenantLookups tenants; // placement and datasource: cache lookups, no EJB hop

  @Resource TransactionSynchronizationRegistry transaction;

  /**
   * One page of a stream in the given direction, at most {@code limit} events; empty when the page
   * is empty because the stream does not exist (checked on the same connection, only then).
   */
  public Optional<List<RecordedEvent>> readStream(
      TenantId tenant, StreamId stream, long from, Direction direction, int limit)
      throws SQLException {
    Placement placement = tenants.placement(tenant);
    return withConnection(
        tenant,
        placement,
        c -> {
          List<RecordedEvent> page;
          try (PreparedStatement ps = c.prepareStatement(sql(READ_STREAM, placement))) {
            ps.setString(1, tenant.value());
            ps.setString(2, stream.value());
            ps.setLong(3, from);
            ps.setBoolean(4, direction == Direction.FORWARD);
            ps.setInt(5, limit);
            page = EventRows.all(ps);
          }
          if (page.isEmpty() && streamInfo(c, placement, tenant, stream).isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(page);
        });
  }

  /**
   * Committed events after {@code after} that no open transaction can precede; empty when {@code
   * after} is neither the start nor the position of one of the tenant's events (checked first, on
   * the same connection).
   */
  public Optional<List<RecordedEvent>> readAll(TenantId tenant, Checkpoint after, int limit)
      throws SQLException {
    return readAfter(tenant, after, READ_ALL, ps -> bindReadAll(ps, tenant.value(), after, limit));
  }

  /**
   * The next {@code limit} committed events after {@code after} in $all order (exactly those {@link
   * #readAll} would return), of which only those of streams starting with {@code streamPrefix} and
   * of the {@code storedTypes} (empty: any) are returned; the scan's end tells where to go on. One
   * round trip, the checkpoint check included; empty when {@code after} is neither the start nor
   * one of the tenant's events.
   */
  public Optional<AllScan> readAllMatching(
      TenantId tenant,
      Checkpoint after,
      int limit,
      Optional<String> streamPrefix,
      Set<String> storedTypes)
      throws SQLException {
    Placement placement = tenants.placement(tenant);
    return withConnection(
        tenant,
        placement,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql(READ_ALL_MATCHING, placement))) {
            bindReadAll(ps, tenant.value(), after, limit);
            ps.setString(5, streamPrefix.orElse(null));
            ps.setArray(
                6,
                storedTypes.isEmpty()
                    ? null
                    : c.createArrayOf("text", storedTypes.toArray(String[]::new)));
            List<RecordedEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                if (rs.getString(1) != null) {
                  events.add(EventRows.of(rs));
                  continue;
                }
                if (!rs.getBoolean(12)) {
                  return Optional.empty();
                }
                Checkpoint end = new Checkpoint(Long.parseLong(rs.getString(5)), rs.getLong(6));
                return Optional.of(
                    new AllScan(events, end, rs.getInt(11) == limit, rs.getBoolean(13)));
              }
            }
            throw new SQLException("read_all_matching returned no status row");
          }
        });
  }

  /**
   * The committed events of one correlation id after {@code after}, in $all order and with the same
   * hold-back as {@link #readAll}; empty when {@code after} is no event of the tenant.
   */
  public Optional<List<RecordedEvent>> readCorrelation(
      TenantId tenant, String correlationId, Checkpoint after, int limit) throws SQLException {
    return readAfter(
        tenant,
        after,
        READ_CORRELATION,
        ps -> {
          ps.setString(1, tenant.value());
          ps.setString(2, correlationId);
          ps.setString(3, Long.toString(after.transactionId()));
          ps.setLong(4, after.position());
          ps.setInt(5, limit);
        });
  }

  /** The stream's version at {@code time}; empty when the stream does not exist. */
  public Optional<Long> versionAt(TenantId tenant, StreamId stream, Instant time)
      throws SQLException {
    Placement placement = tenants.placement(tenant);
    return withConnection(
        tenant,
        placement,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql(STREAM_VERSION_AT, placement))) {
            ps.setString(1, tenant.value());
            ps.setString(2, stream.value());
            ps.setObject(3, time.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              long version = rs.getLong(1);
              return rs.wasNull() ? Optional.empty() : Optional.of(version);
            }
          }
        });
  }

  /** Binds a statement's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** A page after a checkpoint that must be the start or one of the tenant's events. */
  private Optional<List<RecordedEvent>> readAfter(
      TenantId tenant, Checkpoint after, String template, Binder binder) throws SQLException {
    Placement placement = tenants.placement(tenant);
    return withConnection(
        tenant,
        placement,
        c -> {
          if (!after.isStart() && !checkpointExists(c, placement, tenant, after)) {
            return Optional.empty();
          }
          try (PreparedStatement ps = c.prepareStatement(sql(template, placement))) {
            binder.bind(ps);
            return Optional.of(EventRows.all(ps));
          }
        });
  }

  /** Binds {@link #READ_ALL}'s parameters. */
  static void bindReadAll(PreparedStatement ps, String tenant, Checkpoint after, int limit)
      throws SQLException {
    ps.setString(1, tenant);
    ps.setString(2, Long.toString(after.transactionId()));
    ps.setLong(3, after.position());
    ps.setInt(4, limit);
  }

  /** The stream's head, when it exists. */
  public Optional<StreamInfo> streamInfo(TenantId tenant, StreamId stream) throws SQLException {
    Placement placement = tenants.placement(tenant);
    return withConnection(tenant, placement, c -> streamInfo(c, placement, tenant, stream));
  }

  private static boolean checkpointExists(
      Connection c, Placement placement, TenantId tenant, Checkpoint checkpoint)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql(CHECKPOINT_EXISTS, placement))) {
      ps.setString(1, tenant.value());
      ps.setString(2, Long.toString(checkpoint.transactionId()));
      ps.setLong(3, checkpoint.position());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static Optional<StreamInfo> streamInfo(
      Connection c, Placement placement, TenantId tenant, StreamId stream) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql(STREAM_INFO, placement))) {
      ps.setString(1, tenant.value());
      ps.setString(2, stream.value());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StreamInfo(
                stream,
                rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getObject(3, OffsetDateTime.class).toInstant()));
      }
    }
  }

  /** Work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T on(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} on one connection. Outside a transaction a read that loses its connection (a
   * PostgreSQL restart, a network break: {@link SqlFailure#TRANSIENT}) is run again on a fresh one,
   * at most {@value #READ_ATTEMPTS} times in all: reads change nothing, and the reads pool does not
   * validate every connection it hands out (that would cost every read a round trip) but discards
   * all its connections when one turns out stale, so the next attempt gets a new one.
   */
  private <T> T withConnection(TenantId tenant, Placement placement, Work<T> work)
      throws SQLException {
    if (transaction.getTransactionKey() != null) {
      try (Connection c = connections.connection(tenant)) {
        return work.on(c);
      }
    }
    for (int attempt = 1; ; attempt++) {
      try (Connection c = tenants.readDataSource(placement).getConnection()) {
        if (!c.getAutoCommit()) {
          c.setAutoCommit(true);
        }
        return work.on(c);
      } catch (SQLException e) {
        if (attempt >= READ_ATTEMPTS || SqlFailure.of(e) != SqlFailure.TRANSIENT) {
          throw e;
        }
      }
    }
  }

  private static String sql(String template, Placement placement) {
    return template.formatted(Identifiers.quote(placement.schema()));
  }
}
