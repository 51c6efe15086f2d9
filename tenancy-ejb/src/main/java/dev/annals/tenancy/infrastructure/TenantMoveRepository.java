package dev.annals.tenancy.infrastructure;

import static dev.annals.tenancy.infrastructure.TenantRepository.instant;
import static dev.annals.tenancy.infrastructure.TenantRepository.setServer;

import dev.annals.tenancy.api.DatabaseServer;
import dev.annals.tenancy.api.Isolation;
import dev.annals.tenancy.api.MovePhase;
import dev.annals.tenancy.api.Tenant;
import dev.annals.tenancy.api.TenantId;
import dev.annals.tenancy.api.TenantMove;
import dev.annals.tenancy.api.TenantState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The moves of tenants between places, {@code annals.tenant_moves}, through tenancy's pool. */
@ApplicationScoped
public class TenantMoveRepository {

  /** An open move as the mover works on it. */
  public record MoveRow(
      long moveId, Tenant from, Tenant to, TenantState priorState, MovePhase phase) {}

  /** A move just opened: its id, and the generation of its target's placement. */
  public record Opened(long moveId, int generation) {}

  private static final String INSERT =
      "INSERT INTO annals.tenant_moves (tenant_id, from_isolation, from_server,"
          + " to_isolation, to_server, prior_state, to_generation)"
          + " SELECT t.tenant_id, ?, ?, ?, ?, ?, 1 + greatest(t.datasource_generation,"
          + " coalesce((SELECT max(m.to_generation) FROM annals.tenant_moves m"
          + " WHERE m.tenant_id = t.tenant_id), 0))"
          + " FROM annals.tenants t WHERE t.tenant_id = ?"
          + " ON CONFLICT DO NOTHING RETURNING move_id, to_generation";

  private static final String UPDATE =
      "UPDATE annals.tenant_moves SET phase = coalesce(?, phase),"
          + " events_copied = coalesce(?, events_copied), error = coalesce(?, error),"
          + " updated_at = now(), finished_at = CASE WHEN ? IN ('done', 'failed')"
          + " THEN now() END WHERE move_id = ?";

  private static final String COMPLETE =
      "WITH m AS (UPDATE annals.tenant_moves SET phase = ?, error = coalesce(?, error),"
          + " updated_at = now(), finished_at = now() WHERE move_id = ?"
          + " AND phase IN ('copying', 'fenced', 'switched') RETURNING tenant_id)"
          + " UPDATE annals.tenants SET state = ?, updated_at = now()"
          + " WHERE tenant_id IN (SELECT tenant_id FROM m) AND state = 'moving'";

  private static final String SWITCH =
      "WITH m AS (UPDATE annals.tenant_moves SET phase = 'switched', events_copied = ?,"
          + " updated_at = now() WHERE move_id = ? AND phase = 'fenced' RETURNING tenant_id)"
          + " UPDATE annals.tenants SET isolation = ?, db_server = ?,"
          + " datasource_generation = ?, updated_at = now()"
          + " WHERE tenant_id IN (SELECT tenant_id FROM m)";

  private static final String LAST =
      "SELECT to_isolation, to_server, NULL, phase, events_copied, error, started_at,"
          + " finished_at FROM annals.tenant_moves WHERE tenant_id = ?"
          + " ORDER BY move_id DESC LIMIT 1";

  private static final String STALE =
      "SELECT move_id, from_isolation, from_server, NULL, to_isolation, to_server, NULL,"
          + " prior_state, phase, tenant_id, to_generation FROM annals.tenant_moves"
          + " WHERE phase IN ('copying', 'fenced', 'switched')"
          + " AND updated_at < now() - make_interval(mins => ?)";

  @Inject TenantRepository registry;

  /**
   * Opens a move, its target in a generation the tenant never used (so a retry of a failed move
   * never re-points a datasource the failed attempt declared); empty when the tenant has an open
   * move already (one at a time, by index).
   */
  public Optional<Opened> insertMove(Tenant from, Tenant to) throws SQLException {
    return registry
        .query(
            INSERT,
            ps -> {
              ps.setString(1, from.isolation().wireName());
              setServer(ps, 2, from.server());
              ps.setString(3, to.isolation().wireName());
              setServer(ps, 4, to.server());
              ps.setString(5, from.state().wireName());
              ps.setString(6, from.id().value());
            },
            rs -> new Opened(rs.getLong(1), rs.getInt(2)))
        .stream()
        .findFirst();
  }

  /** Records a move's phase, progress and error (null keeps them); touches updated_at. */
  public void updateMove(long moveId, MovePhase phase, Long eventsCopied, String error)
      throws SQLException {
    registry.update(
        UPDATE,
        ps -> {
          ps.setString(1, phase == null ? null : phase.wireName());
          if (eventsCopied == null) {
            ps.setNull(2, Types.BIGINT);
          } else {
            ps.setLong(2, eventsCopied);
          }
          ps.setString(3, error);
          ps.setString(4, phase == null ? null : phase.wireName());
          ps.setLong(5, moveId);
        });
  }

  /**
   * The switch of a fenced move: points the registry at the target and records the phase {@code
   * switched}, in one statement (a start-up that finds the move rolls it back before the switch and
   * completes it after, so the two must never disagree). The tenant stays {@code moving}.
   *
   * @throws SQLException when the move is no longer fenced (a start-up rolled it back)
   */
  public void switchPlacement(MoveRow move, long eventsCopied) throws SQLException {
    int switched =
        registry.update(
            SWITCH,
            ps -> {
              ps.setLong(1, eventsCopied);
              ps.setLong(2, move.moveId());
              ps.setString(3, move.to().isolation().wireName());
              setServer(ps, 4, move.to().server());
              ps.setInt(5, move.to().generation());
            });
    if (switched != 1) {
      throw new SQLException("move " + move.moveId() + " of " + move.to().id() + " is not fenced");
    }
  }

  /**
   * Ends a move ({@code done} or {@code failed}) and gives the tenant back the state it had before,
   * in one statement: a tenant reads {@code moving} exactly while its move is open, so as soon as
   * it does not, a new move is accepted.
   */
  public void complete(long moveId, MovePhase phase, TenantState priorState, String error)
      throws SQLException {
    registry.update(
        COMPLETE,
        ps -> {
          ps.setString(1, phase.wireName());
          ps.setString(2, error);
          ps.setLong(3, moveId);
          ps.setString(4, priorState.wireName());
        });
  }

  /** The tenant's latest move. */
  public Optional<TenantMove> lastMove(TenantId id) throws SQLException {
    Map<String, DatabaseServer> servers = new HashMap<>();
    List<Optional<String>> names = new ArrayList<>();
    Optional<TenantMove> last =
        registry
            .query(
                LAST,
                ps -> ps.setString(1, id.value()),
                rs -> {
                  names.add(Optional.ofNullable(rs.getString(2)));
                  return new TenantMove(
                      Isolation.parse(rs.getString(1)),
                      Optional.empty(),
                      MovePhase.parse(rs.getString(4)),
                      rs.getLong(5),
                      Optional.ofNullable(rs.getString(6)),
                      instant(rs, 7).orElseThrow(),
                      instant(rs, 8));
                })
            .stream()
            .findFirst();
    if (last.isEmpty() || names.get(0).isEmpty()) {
      return last;
    }
    TenantMove m = last.get();
    return Optional.of(
        new TenantMove(
            m.to(),
            Optional.of(registry.server(servers, names.get(0).get())),
            m.phase(),
            m.eventsCopied(),
            m.error(),
            m.startedAt(),
            m.finishedAt()));
  }

  /** Open moves not touched for {@code minutes}: their node died. */
  public List<MoveRow> staleMoves(int minutes) throws SQLException {
    record Open(
        long moveId,
        String tenant,
        Isolation from,
        Optional<String> fromServer,
        Isolation to,
        Optional<String> toServer,
        TenantState priorState,
        MovePhase phase,
        int toGeneration) {}
    List<Open> open =
        registry.query(
            STALE,
            ps -> ps.setInt(1, minutes),
            rs ->
                new Open(
                    rs.getLong(1),
                    rs.getString(10),
                    Isolation.parse(rs.getString(2)),
                    Optional.ofNullable(rs.getString(3)),
                    Isolation.parse(rs.getString(5)),
                    Optional.ofNullable(rs.getString(6)),
                    TenantState.parse(rs.getString(8)),
                    MovePhase.parse(rs.getString(9)),
                    rs.getInt(11)));
    List<MoveRow> moves = new ArrayList<>();
    Map<String, DatabaseServer> servers = new HashMap<>();
    for (Open m : open) {
      Optional<DatabaseServer> fromServer =
          m.fromServer().isEmpty()
              ? Optional.empty()
              : Optional.of(registry.server(servers, m.fromServer().get()));
      Optional<DatabaseServer> toServer =
          m.toServer().isEmpty()
              ? Optional.empty()
              : Optional.of(registry.server(servers, m.toServer().get()));
      Tenant t = registry.find(new TenantId(m.tenant())).orElseThrow();
      moves.add(
          new MoveRow(
              m.moveId(),
              t.at(m.from(), fromServer),
              // a move opened before generations were recorded has none: only its data matters
              t.at(m.to(), toServer).inGeneration(Math.max(m.toGeneration(), 1)),
              m.priorState(),
              m.phase()));
    }
    return moves;
  }
}
