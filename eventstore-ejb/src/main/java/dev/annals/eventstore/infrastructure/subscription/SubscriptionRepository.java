package dev.annals.eventstore.infrastructure.subscription;

import dev.annals.eventstore.api.Checkpoint;
import dev.annals.tenancy.api.TenantConnections;
import dev.annals.tenancy.api.TenantId;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Subscription rows in the tenant's place, on the current JTA transaction's tenant-bound connection
 * (Row-Level Security applies in every mode). Leases and checkpoints are compare-and-set updates: a
 * node advances a checkpoint only while it holds the lease and only from the checkpoint it read.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class SubscriptionRepository {

  private static final String COLUMNS =
      "name, stream_prefix, event_types, handler, webhook_url, webhook_secret, state,"
          + " checkpoint_tx::text, checkpoint_position, delivered,"
          + " CASE WHEN clock_timestamp() - rate_since < interval '10 seconds'"
          + " THEN events_per_second ELSE 0 END, failures,"
          + " last_error, CASE WHEN lease_until > clock_timestamp() THEN node END, created_at";

  /** Claims free or expired leases and renews this node's, skipping rows a delivery holds. */
  private static final String CLAIM =
      """
      UPDATE subscriptions s SET node = ?,
             lease_until = clock_timestamp() + make_interval(secs => ? / 1000.0)
       WHERE (s.tenant_id, s.name) IN (
             SELECT tenant_id, name FROM subscriptions
              WHERE state = 'running'
                AND (node IS NULL OR node = ? OR lease_until < clock_timestamp())
              FOR UPDATE SKIP LOCKED)
      RETURNING s.name
      """;

  /**
   * Moves the checkpoint from {@code expected} to the batch's end, renews the lease and counts the
   * events into the rate (a 5-second window), all only while this node holds a live lease and the
   * checkpoint is still the one the batch started from. With {@code endsFailures} (events were
   * delivered and none of the subscription's letters is retrying) the run of failures ends;
   * otherwise the failures and last error stay shown.
   */
  private static final String ADVANCE =
      """
      UPDATE subscriptions SET checkpoint_tx = ?::xid8, checkpoint_position = ?,
             delivered = delivered + ?,
             events_per_second = CASE WHEN clock_timestamp() - rate_since >= interval '5 seconds'
               THEN (rate_count + ?) / extract(epoch FROM clock_timestamp() - rate_since)
               ELSE events_per_second END,
             rate_count = CASE WHEN clock_timestamp() - rate_since >= interval '5 seconds'
               THEN 0 ELSE rate_count + ? END,
             rate_since = CASE WHEN clock_timestamp() - rate_since >= interval '5 seconds'
               THEN clock_timestamp() ELSE rate_since END,
             failures = CASE WHEN ?::boolean THEN 0 ELSE failures END,
             last_error = CASE WHEN ?::boolean THEN NULL ELSE last_error END,
             lease_until = clock_timestamp() + make_interval(secs => ? / 1000.0),
             updated_at = now()
       WHERE name = ? AND state = 'running' AND node = ? AND lease_until > clock_timestamp()
         AND checkpoint_tx = ?::xid8 AND checkpoint_position = ?
      """;

  @EJB TenantConnections connections;

  @Inject WebhookSecrets secrets;

  /**
   * How many subscriptions the tenant holds (projection generations, which the platform creates,
   * not counted), counted under a per-tenant lock held to the end of the caller's transaction, so
   * concurrent creations of one tenant count one after another (a quota check on this count is
   * exact).
   */
  public long countLocked(TenantId tenant) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtext('annals.subscriptions'), hashtext(?)),"
                    + " (SELECT count(*) FROM subscriptions"
                    + " WHERE handler IS DISTINCT FROM 'projections')")) {
      ps.setString(1, tenant.value());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(2);
      }
    }
  }

  /** Stores a new subscription (its webhook secret sealed); false when the name is taken. */
  public boolean insert(TenantId tenant, SubscriptionRow row) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO subscriptions (tenant_id, name, stream_prefix, event_types, handler,"
                    + " webhook_url, webhook_secret, checkpoint_tx, checkpoint_position)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::xid8, ?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, tenant.value());
      ps.setString(2, row.name());
      ps.setString(3, row.streamPrefix().orElse(null));
      ps.setArray(4, row.eventTypes().isEmpty() ? null : texts(c, row.eventTypes()));
      ps.setString(5, row.handler().orElse(null));
      ps.setString(6, row.webhookUrl().orElse(null));
      ps.setString(
          7, row.webhookSecret().map(k -> secrets.seal(tenant, row.name(), k)).orElse(null));
      ps.setString(8, Long.toString(row.checkpoint().transactionId()));
      ps.setLong(9, row.checkpoint().position());
      return ps.executeUpdate() == 1;
    }
  }

  /** The subscription, if it exists. */
  public Optional<SubscriptionRow> find(TenantId tenant, String name) throws SQLException {
    List<SubscriptionRow> rows =
        query(tenant, "SELECT " + COLUMNS + " FROM subscriptions WHERE name = ?", name);
    return rows.stream().findFirst();
  }

  /** Every subscription of the tenant, by name. */
  public List<SubscriptionRow> list(TenantId tenant) throws SQLException {
    return query(tenant, "SELECT " + COLUMNS + " FROM subscriptions ORDER BY name");
  }

  /**
   * Sets the stored state; {@code running} also clears the error count, any other state the lease.
   *
   * @return false when there is no such subscription
   */
  public boolean setState(TenantId tenant, String name, StoredState state) throws SQLException {
    String clear =
        state == StoredState.RUNNING
            ? ", failures = 0, last_error = NULL"
            : ", node = NULL, lease_until = NULL";
    return update(
        tenant,
        "UPDATE subscriptions SET state = ?, updated_at = now()" + clear + " WHERE name = ?",
        state.column(),
        name);
  }

  /** Moves the checkpoint; false when there is no such subscription. */
  public boolean reset(TenantId tenant, String name, Checkpoint to) throws SQLException {
    return update(
        tenant,
        "UPDATE subscriptions SET checkpoint_tx = ?::xid8, checkpoint_position = ?::bigint,"
            + " failures = 0, last_error = NULL, updated_at = now() WHERE name = ?",
        Long.toString(to.transactionId()),
        Long.toString(to.position()),
        name);
  }

  /** Deletes it; false when there is none. */
  public boolean delete(TenantId tenant, String name) throws SQLException {
    return update(tenant, "DELETE FROM subscriptions WHERE name = ?", name);
  }

  /** Claims or renews leases for {@code node}; the names it now holds (rows not busy elsewhere). */
  public List<String> claim(TenantId tenant, String node, long leaseMs) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(CLAIM)) {
      ps.setString(1, node);
      ps.setLong(2, leaseMs);
      ps.setString(3, node);
      List<String> names = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    }
  }

  /**
   * Advances the checkpoint from {@code expected} to {@code next} for {@code delivered} events;
   * false when the node no longer holds the lease, the subscription is no longer running, or its
   * checkpoint moved (a reset).
   */
  public boolean advance(
      TenantId tenant,
      String name,
      String node,
      Checkpoint expected,
      Checkpoint next,
      int delivered,
      boolean endsFailures,
      long leaseMs)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(ADVANCE)) {
      ps.setString(1, Long.toString(next.transactionId()));
      ps.setLong(2, next.position());
      ps.setLong(3, delivered);
      ps.setLong(4, delivered);
      ps.setLong(5, delivered);
      ps.setString(6, Boolean.toString(endsFailures && delivered > 0));
      ps.setString(7, Boolean.toString(endsFailures && delivered > 0));
      ps.setLong(8, leaseMs);
      ps.setString(9, name);
      ps.setString(10, node);
      ps.setString(11, Long.toString(expected.transactionId()));
      ps.setLong(12, expected.position());
      return ps.executeUpdate() == 1;
    }
  }

  /** Ends {@code node}'s leases of the tenant. */
  public void release(TenantId tenant, String node) throws SQLException {
    update(tenant, "UPDATE subscriptions SET node = NULL, lease_until = NULL WHERE node = ?", node);
  }

  /**
   * Counts one event delivered beside the flow (a retrying letter, a redrive): the failures are
   * over, as after a delivery in the flow.
   */
  public void redelivered(TenantId tenant, String name) throws SQLException {
    update(
        tenant,
        "UPDATE subscriptions SET delivered = delivered + 1, failures = 0, last_error = NULL,"
            + " updated_at = now() WHERE name = ?",
        name);
  }

  /** Counts a failed attempt beside the flow, whichever node made it. */
  public void redeliveryFailed(TenantId tenant, String name, String error) throws SQLException {
    update(
        tenant,
        "UPDATE subscriptions SET failures = failures + 1, last_error = ?,"
            + " last_error_at = now(), updated_at = now() WHERE name = ?",
        error,
        name);
  }

  /**
   * Records {@code attempts} failed attempts of {@code node}'s, the last with {@code error}; with
   * {@code stop} the subscription stops.
   */
  public void recordFailure(
      TenantId tenant, String name, String node, String error, int attempts, boolean stop)
      throws SQLException {
    update(
        tenant,
        "UPDATE subscriptions SET failures = failures + ?::int, last_error = ?,"
            + " last_error_at = now(), updated_at = now(),"
            + " state = CASE WHEN ?::boolean THEN 'stopped' ELSE state END"
            + " WHERE name = ? AND node = ?",
        Integer.toString(attempts),
        error,
        Boolean.toString(stop),
        name,
        node);
  }

  private List<SubscriptionRow> query(TenantId tenant, String sql, String... params)
      throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      List<SubscriptionRow> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
      return rows;
    }
  }

  private boolean update(TenantId tenant, String sql, String... params) throws SQLException {
    try (Connection c = connections.connection(tenant);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      return ps.executeUpdate() > 0;
    }
  }

  private static Array texts(Connection c, List<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray(String[]::new));
  }

  private static SubscriptionRow row(ResultSet rs) throws SQLException {
    Array types = rs.getArray(3);
    return new SubscriptionRow(
        rs.getString(1),
        Optional.ofNullable(rs.getString(2)),
        types == null ? List.of() : Arrays.asList((String[]) types.getArray()),
        Optional.ofNullable(rs.getString(4)),
        Optional.ofNullable(rs.getString(5)),
        Optional.ofNullable(rs.getString(6)),
        StoredState.of(rs.getString(7)),
        new Checkpoint(Long.parseLong(rs.getString(8)), rs.getLong(9)),
        rs.getLong(10),
        rs.getDouble(11),
        rs.getInt(12),
        Optional.ofNullable(rs.getString(13)),
        Optional.ofNullable(rs.getString(14)),
        rs.getObject(15, OffsetDateTime.class).toInstant());
  }
}
