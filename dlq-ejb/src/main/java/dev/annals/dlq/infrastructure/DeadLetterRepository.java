package dev.annals.dlq.infrastructure;

import dev.annals.dlq.api.DeadLetter;
import dev.annals.dlq.api.DeadLetterQuery;
import dev.annals.dlq.api.Letter;
import dev.annals.dlq.api.LetterState;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Dead letters in the tenant's place, on the current JTA transaction's tenant-bound connection.
 * Plain JDBC through {@link TenantConnections} rather than JPA: a persistence unit is bound to one
 * datasource, while letters live wherever the tenant's data does (the platform database's {@code
 * annals} schema, a {@code tenant_<id>} schema, or a database of its own with its own datasource),
 * so an entity manager could reach only the first two, and only with the search path set by hand.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class DeadLetterRepository {

  static final String COLUMNS =
      "id, consumer_kind, consumer, stream_id, stream_version, event_id::text,"
          + " position_tx::text || '-' || position, state, attempts, cause, stack_summary,"
          + " event::text, first_failure, last_failure, reason, updated_at, due_at";

  /**
   * Records a letter once per (consumer, event): a duplicate changes nothing; a closed one reopens.
   */
  private static final String RECORD =
      """
      INSERT INTO dead_letters (tenant_id, consumer_kind, consumer, stream_id, stream_version,
             event_id, position_tx, position, state, attempts, cause, stack_summary, event,
             first_failure, last_failure, due_at)
      VALUES (?, ?, ?, ?, ?, ?::uuid, ?::xid8, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
      ON CONFLICT (tenant_id, consumer_kind, consumer, event_id) DO UPDATE
         SET state = excluded.state, attempts = dead_letters.attempts + excluded.attempts,
             cause = excluded.cause, stack_summary = excluded.stack_summary,
             event = excluded.event, last_failure = excluded.last_failure,
             first_failure = coalesce(dead_letters.first_failure, excluded.first_failure),
             due_at = excluded.due_at, reason = NULL, updated_at = now()
       WHERE dead_letters.state IN ('redriven', 'discarded')
      """;

  @EJB TenantConnections connections;

  /**
   * Records {@code letter}.
   *
   * @return false when it was recorded already (a duplicate)
   */
  public boolean record(Letter letter) throws SQLException {
    try (Connection c = connections.connection(letter.tenant());
        PreparedStatement ps = c.prepareStatement(RECORD)) {
      ps.setString(1, letter.tenant().value());
      ps.setString(2, letter.consumerKind());
      ps.setString(3, letter.consumer());
      ps.setString(4, letter.streamId());
      ps.setLong(5, letter.streamVersion());
      ps.setString(6, letter.eventId().toString());
      ps.setString(7, Long.toString(letter.positionTx()));
      ps.setLong(8, letter.position());
      ps.setString(9, letter.state().wireName());
      ps.setInt(10, letter.attempts());
      ps.setString(11, letter.cause());
      ps.setString(12, letter.stackSummary());
      ps.setString(13, letter.event());
      timestamp(ps, 14, letter.firstFailure());
      timestamp(ps, 15, letter.lastFailure());
      timestamp(ps, 16, letter.dueAt());
      return ps.executeUpdate() == 1;
    }
  }

  /** A page of letters by id. */
  public List<DeadLetter> list(TenantId tenant, DeadLetterQuery q) throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT " + COLUMNS + " FROM dead_letters WHERE tenant_id = ? AND id > ?");
    List<String> args = new ArrayList<>();
    q.consumer().ifPresent(v -> where(sql, args, " AND consumer = ?", v));
    q.streamId().ifPresent(v -> where(sql, args, " AND stream_id = ?", v));
    q.state().ifPresent(v -> where(sql, args, " AND state = ?", v.wireName()));
    sql.append(" ORDER BY id LIMIT ?");
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      ps.setString(1, tenant.value());
      ps.setLong(2, q.after());
      int i = 3;
      for (String a : args) {
        ps.setString(i++, a);
      }
      ps.setInt(i, q.limit());
      return letters(ps, false);
    }
  }

  /** One letter, in full. */
  public Optional<DeadLetter> find(TenantId tenant, long id) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT " + COLUMNS + " FROM dead_letters WHERE tenant_id = ? AND id = ?")) {
      ps.setString(1, tenant.value());
      ps.setLong(2, id);
      return letters(ps, true).stream().findFirst();
    }
  }

  /** A consumer's letters of one stream in {@code states}, in stream ($all) order. */
  public List<DeadLetter> ofStream(
      TenantId tenant, String kind, String consumer, String stream, List<LetterState> states)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM dead_letters WHERE tenant_id = ? AND consumer_kind = ?"
                    + " AND consumer = ? AND stream_id = ? AND state = ANY (?)"
                    + " ORDER BY position_tx, position")) {
      ps.setString(1, tenant.value());
      ps.setString(2, kind);
      ps.setString(3, consumer);
      ps.setString(4, stream);
      ps.setArray(5, c.createArrayOf("text", states.stream().map(LetterState::wireName).toArray()));
      return letters(ps, true);
    }
  }

  /**
   * The first waiting letter of every stream of a consumer (of one stream, when given) that has
   * one: the letters a redrive of "all" starts from, in $all order.
   */
  public List<DeadLetter> heads(TenantId tenant, String consumer, Optional<String> stream)
      throws SQLException {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM (SELECT DISTINCT ON (consumer_kind, stream_id) * FROM dead_letters"
            + " WHERE tenant_id = ? AND consumer = ? AND state IN ('open', 'retrying', 'parked')"
            + (stream.isPresent() ? " AND stream_id = ?" : "")
            + " ORDER BY consumer_kind, stream_id, position_tx, position) h"
            + " ORDER BY position_tx, position";
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant.value());
      ps.setString(2, consumer);
      if (stream.isPresent()) {
        ps.setString(3, stream.get());
      }
      return letters(ps, false);
    }
  }

  /** Letters of a consumer (of one stream, when given) still open, retrying or parked. */
  public int waiting(TenantId tenant, String consumer, Optional<String> stream)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM dead_letters WHERE tenant_id = ? AND consumer = ?"
                    + " AND state IN ('open', 'retrying', 'parked')"
                    + (stream.isPresent() ? " AND stream_id = ?" : ""))) {
      ps.setString(1, tenant.value());
      ps.setString(2, consumer);
      if (stream.isPresent()) {
        ps.setString(3, stream.get());
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** How many letters of one consumer are open. */
  public long open(TenantId tenant, String kind, String consumer) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM dead_letters WHERE tenant_id = ? AND consumer_kind = ?"
                    + " AND consumer = ? AND state = 'open'")) {
      ps.setString(1, tenant.value());
      ps.setString(2, kind);
      ps.setString(3, consumer);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Moves a letter from {@code from} to {@code to} with a reason.
   *
   * @return false when it was no longer in {@code from}
   */
  public boolean transition(
      TenantId tenant, long id, LetterState from, LetterState to, String reason)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE dead_letters SET state = ?, reason = ?, updated_at = now()"
                    + " WHERE tenant_id = ? AND id = ? AND state = ?")) {
      ps.setString(1, to.wireName());
      ps.setString(2, reason);
      ps.setString(3, tenant.value());
      ps.setLong(4, id);
      ps.setString(5, from.wireName());
      return ps.executeUpdate() == 1;
    }
  }

  /** A redelivery failed: the letter is (again) open, with one attempt more. */
  public void failedAgain(TenantId tenant, long id, String cause, String stackSummary)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE dead_letters SET state = 'open', attempts = attempts + 1, cause = ?,"
                    + " stack_summary = ?, last_failure = now(),"
                    + " first_failure = coalesce(first_failure, now()), updated_at = now()"
                    + " WHERE tenant_id = ? AND id = ?")) {
      ps.setString(1, cause);
      ps.setString(2, stackSummary);
      ps.setString(3, tenant.value());
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  private static void where(StringBuilder sql, List<String> args, String clause, String value) {
    sql.append(clause);
    args.add(value);
  }

  static void timestamp(PreparedStatement ps, int i, Instant at) throws SQLException {
    if (at == null) {
      ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setTimestamp(i, Timestamp.from(at));
    }
  }

  static List<DeadLetter> letters(PreparedStatement ps, boolean full) throws SQLException {
    List<DeadLetter> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new DeadLetter(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                UUID.fromString(rs.getString(6)),
                rs.getString(7),
                LetterState.parse(rs.getString(8)),
                rs.getInt(9),
                Optional.ofNullable(rs.getString(10)),
                full ? Optional.ofNullable(rs.getString(11)) : Optional.empty(),
                full ? Optional.ofNullable(rs.getString(12)) : Optional.empty(),
                instant(rs.getTimestamp(13)),
                instant(rs.getTimestamp(14)),
                Optional.ofNullable(rs.getString(15)),
                rs.getTimestamp(16).toInstant(),
                instant(rs.getTimestamp(17))));
      }
    }
    return out;
  }

  private static Optional<Instant> instant(Timestamp t) {
    return t == null ? Optional.empty() : Optional.of(t.toInstant());
  }
}
